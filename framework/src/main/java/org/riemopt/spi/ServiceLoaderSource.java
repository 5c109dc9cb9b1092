package org.riemopt.spi;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** Providers listed in {@code META-INF/services} on a class loader's path. */
public final class ServiceLoaderSource implements ProviderSource {

    private final ClassLoader loader;

    /** Providers visible to {@code loader}. */
    public ServiceLoaderSource(ClassLoader loader) {
        this.loader = loader;
    }

    @Override
    public String label() {
        return "classpath";
    }

    @Override
    public List<Provider> providers(Family family, List<PluginProblem> problems) {
        List<Provider> out = new ArrayList<>();
        Iterator<? extends Provider> it = ServiceLoader.load(family.providerType(), loader).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                out.add(it.next());
            } catch (ServiceConfigurationError e) {
                String reason = String.valueOf(e.getMessage());
                if (e.getCause() != null) {
                    reason += ": " + PluginFault.describe(e.getCause());
                }
                problems.add(new PluginProblem(label(), family.label() + " provider", reason));
            } catch (Throwable e) {
                problems.add(new PluginProblem(label(), family.label() + " provider", PluginFault.describe(e)));
            }
        }
        return out;
    }
}
