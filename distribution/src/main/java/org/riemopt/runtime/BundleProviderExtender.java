package org.riemopt.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.riemopt.spi.Family;
import org.riemopt.spi.PluginProblem;
import org.riemopt.spi.Provider;
import org.riemopt.spi.ProviderSource;

/**
 * The extender (the pattern of Felix's {@code extenderbased} example): a {@link BundleTracker} that, for every
 * active bundle, reads its {@code META-INF/services/org.riemopt.spi.*Provider} files, instantiates the listed
 * classes through the bundle's class loader, and offers them as a {@link ProviderSource}. When the bundle stops,
 * is updated or uninstalled, its providers go away with it. Jars that could not be installed or started are
 * reported here too. A class that cannot be loaded or instantiated is
 * reported and skipped; the bundle's other providers stay.
 */
final class BundleProviderExtender implements ProviderSource, BundleTrackerCustomizer<BundleProviderExtender.Offer> {

    /** What one bundle offers. */
    record Offer(Map<Family, List<Provider>> providers, List<PluginProblem> problems) {
    }

    private final BundleTracker<Offer> tracker;
    private final Map<Bundle, Offer> offers = new ConcurrentHashMap<>();
    private final Comparator<Bundle> precedence;
    private final Supplier<List<PluginProblem>> installProblems;

    /**
     * @param precedence      the order in which bundles' providers are offered (earlier wins a name clash)
     * @param installProblems the jars that never became active bundles, reported with this source's problems
     */
    BundleProviderExtender(BundleContext context, Comparator<Bundle> precedence,
                           Supplier<List<PluginProblem>> installProblems) {
        this.tracker = new BundleTracker<>(context, Bundle.ACTIVE, this);
        this.precedence = precedence;
        this.installProblems = installProblems;
    }

    /** The current offers in order of precedence. */
    private List<Offer> ordered() {
        return offers.entrySet().stream().sorted(Map.Entry.comparingByKey(precedence)).map(Map.Entry::getValue)
                .toList();
    }

    void open() {
        tracker.open();
    }

    void close() {
        tracker.close();
    }

    @Override
    public String label() {
        return "bundle";
    }

    @Override
    public String origin(Provider provider) {
        Bundle bundle = org.osgi.framework.FrameworkUtil.getBundle(provider.getClass());
        if (bundle == null) {
            return ProviderSource.super.origin(provider);
        }
        String location = bundle.getLocation();
        try {
            return "bundle " + (location.startsWith("file:") ? java.nio.file.Path.of(java.net.URI.create(location))
                    : location);
        } catch (RuntimeException e) {
            return "bundle " + location;
        }
    }

    @Override
    public List<Provider> providers(Family family, List<PluginProblem> problems) {
        List<Provider> out = new ArrayList<>();
        for (Offer offer : ordered()) {
            out.addAll(offer.providers().getOrDefault(family, List.of()));
        }
        return out;
    }

    @Override
    public List<PluginProblem> problems() {
        List<PluginProblem> out = new ArrayList<>(installProblems.get());
        ordered().forEach(o -> out.addAll(o.problems()));
        return out;
    }

    @Override
    public Offer addingBundle(Bundle bundle, BundleEvent event) {
        if (bundle.getBundleId() == 0) {
            return null;
        }
        Map<Family, List<Provider>> providers = new EnumMap<>(Family.class);
        List<PluginProblem> problems = new ArrayList<>();
        String where = bundle.getSymbolicName() + " " + bundle.getVersion() + " (" + bundle.getLocation() + ")";
        for (Family family : Family.values()) {
            URL services = bundle.getEntry("META-INF/services/" + family.providerType().getName());
            if (services == null) {
                continue;
            }
            List<Provider> list = new ArrayList<>();
            for (String className : classNames(services, where, problems)) {
                try {
                    Class<?> type = bundle.loadClass(className);
                    list.add(family.providerType().cast(type.getConstructor().newInstance()));
                } catch (Throwable e) {
                    Throwable cause = e.getCause() != null ? e.getCause() : e;
                    problems.add(new PluginProblem("bundle " + where, family.label() + " provider " + className,
                            "cannot be loaded: " + org.riemopt.spi.PluginFault.describe(cause)));
                }
            }
            providers.put(family, List.copyOf(list));
        }
        if (providers.isEmpty() && problems.isEmpty()) {
            return null;
        }
        Offer offer = new Offer(providers, List.copyOf(problems));
        offers.put(bundle, offer);
        return offer;
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, Offer offer) {
        // A state change within ACTIVE changes nothing a bundle offers.
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, Offer offer) {
        offers.remove(bundle);
    }

    private static List<String> classNames(URL services, String where, List<PluginProblem> problems) {
        List<String> names = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(services.openStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                int hash = line.indexOf('#');
                String name = (hash >= 0 ? line.substring(0, hash) : line).trim();
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            problems.add(new PluginProblem("bundle " + where, services.getPath(), "cannot be read: " + e));
        }
        return names;
    }
}
