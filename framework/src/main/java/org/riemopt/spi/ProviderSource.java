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

    /** Plugins this source could not offer at all (e.g. a jar that is not a valid bundle). */
    default List<PluginProblem> problems() {
        return List.of();
    }
}
