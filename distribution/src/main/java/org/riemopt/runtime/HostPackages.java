package org.riemopt.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The packages the host exports into Felix ({@code org.osgi.framework.system.packages.extra}): exactly what the
 * host's own {@code framework}, {@code manifolds} and Hipparchus jars export in their manifests, versions
 * included, so that plugin bundles wire to the host's classes and the host never installs them a second time.
 */
final class HostPackages {

    private HostPackages() {
    }

    /** The joined {@code Export-Package} headers of the jars that hold these classes. */
    static String exportsOf(List<Class<?>> anchors) {
        List<String> exports = new ArrayList<>();
        for (Class<?> anchor : anchors) {
            String header = manifest(anchor).getMainAttributes().getValue("Export-Package");
            if (header == null) {
                throw new IllegalStateException("the jar of " + anchor.getName() + " has no Export-Package header; "
                        + "it must be built as a bundle");
            }
            exports.add(header);
        }
        return String.join(",", exports);
    }

    private static Manifest manifest(Class<?> anchor) {
        try {
            Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                try (InputStream in = Files.newInputStream(location.resolve("META-INF/MANIFEST.MF"))) {
                    return new Manifest(in);
                }
            }
            try (JarFile jar = new JarFile(location.toFile())) {
                return jar.getManifest();
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot read the manifest of the jar holding " + anchor.getName(), e);
        }
    }
}
