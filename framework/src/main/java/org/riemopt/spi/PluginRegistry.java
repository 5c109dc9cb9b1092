package org.riemopt.spi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every provider the sources offer, by family and name.
 *
 * <p>Name clashes are resolved deterministically: sources are consulted in the order given, and within one source
 * providers are taken in order of their class name; the first provider of a name wins and each later one is
 * reported as a {@link PluginProblem} and skipped. The same provider class offered by two sources (a plugin both on
 * the class path and installed as a bundle) is one plugin: it is registered once, from the first source, and is
 * not a clash.
 */
public final class PluginRegistry {

    /**
     * A registered provider.
     *
     * @param family   its family
     * @param provider the provider
     * @param source   the label of the source it came from
     */
    public record Entry(Family family, Provider provider, String source) {
    }

    private final Map<Family, Map<String, Entry>> entries = new EnumMap<>(Family.class);
    private final List<PluginProblem> problems = new ArrayList<>();

    /** Collects the providers of {@code sources}, in that order of precedence. */
    public PluginRegistry(List<ProviderSource> sources) {
        for (ProviderSource source : sources) {
            problems.addAll(source.problems());
        }
        for (Family family : Family.values()) {
            Map<String, Entry> byName = new LinkedHashMap<>();
            for (ProviderSource source : sources) {
                List<Provider> found = new ArrayList<>(source.providers(family, problems));
                found.sort(Comparator.comparing(p -> p.getClass().getName()));
                for (Provider p : found) {
                    String name = safeName(p, source, family);
                    if (name == null) {
                        continue;
                    }
                    Entry existing = byName.get(name);
                    if (existing == null) {
                        byName.put(name, new Entry(family, p, source.label()));
                    } else if (!existing.provider().getClass().getName().equals(p.getClass().getName())) {
                        problems.add(new PluginProblem(source.label(), family.label() + " '" + name + "' ("
                                + p.getClass().getName() + ")", "name clash with " + existing.provider().getClass()
                                .getName() + " from " + existing.source() + ", which was registered first"));
                    }
                }
            }
            entries.put(family, byName);
        }
    }

    /** The providers on the class path of this library. */
    public static PluginRegistry fromClassPath() {
        return new PluginRegistry(List.of(new ServiceLoaderSource(PluginRegistry.class.getClassLoader())));
    }

    /** All registered providers, by family, then name. */
    public List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        for (Map<String, Entry> byName : entries.values()) {
            byName.values().stream().sorted(Comparator.comparing(e -> e.provider().name())).forEach(out::add);
        }
        return out;
    }

    /** The names registered in a family, sorted. */
    public List<String> names(Family family) {
        return entries.get(family).keySet().stream().sorted().toList();
    }

    /** Plugins that were skipped, and why. */
    public List<PluginProblem> problems() {
        return List.copyOf(problems);
    }

    /**
     * The provider of a family by name.
     *
     * @throws IllegalArgumentException naming the family, the name given and the names available
     */
    public <P extends Provider> P find(Family family, Class<P> type, String name) {
        Entry e = entries.get(family).get(name);
        if (e == null) {
            throw new IllegalArgumentException("unknown " + family.label() + " '" + name + "'; available: "
                    + String.join(", ", names(family)));
        }
        return type.cast(e.provider());
    }

    private String safeName(Provider p, ProviderSource source, Family family) {
        try {
            String name = p.name();
            if (name == null || name.isBlank()) {
                problems.add(new PluginProblem(source.label(), p.getClass().getName(), "provider has no name"));
                return null;
            }
            return name;
        } catch (RuntimeException | LinkageError e) {
            problems.add(new PluginProblem(source.label(), family.label() + " " + p.getClass().getName(),
                    "name() failed: " + e));
            return null;
        }
    }
}
