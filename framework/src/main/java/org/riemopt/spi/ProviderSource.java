package org.riemopt.spi;

import java.util.List;

/**
 * Somewhere providers come from: the class path through {@code ServiceLoader}, or (later) OSGi bundles.
 */
public interface ProviderSource {

    /** A label for listings, e.g. {@code "classpath"}. */
    String label();

    /**
     * The providers of one family this source offers now. Failures to load one provider are reported to
     * {@code problems} and do not prevent the others from loading.
     */
    List<Provider> providers(Family family, List<PluginProblem> problems);

    /**
     * Where {@code provider} came from, for messages: by default the jar or folder its class was loaded from (a
     * bundle source names the bundle's jar).
     */
    default String origin(Provider provider) {
        try {
            java.security.CodeSource code = provider.getClass().getProtectionDomain().getCodeSource();
            if (code != null && code.getLocation() != null) {
                return label() + " " + java.nio.file.Path.of(code.getLocation().toURI());
            }
        } catch (RuntimeException | java.net.URISyntaxException e) {
            // fall through: the label alone
        }
        return label();
    }

    /** Plugins this source could not offer at all (e.g. a jar that is not a valid bundle). */
    default List<PluginProblem> problems() {
        return List.of();
    }
}
