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
 * <p>Precedence is deterministic: the first provider of a name wins, taking sources in the order given and each
 * source's providers in the order it offers them (class-path order for {@code ServiceLoader}; for bundles, the
 * order of their directories and then file names, so the distribution's built-in bundles come before a user's).
 * A later provider of the same name is skipped and reported as a {@link PluginProblem}: a clash if it is another
 * class, a duplicate if the same class is offered twice by one source (two copies of a plugin jar). The same
 * class offered by two sources (a plugin both on the class path and installed as a bundle) is one plugin,
 * registered once from the first source, and not reported.
 *
 * <p>Each provider's {@code name()}, {@code description()} and {@code parameters()} are read once, here; a
 * provider that throws from any of them is reported and skipped, so nothing later calls into it unguarded.
 */
public final class PluginRegistry {

    /**
     * A registered provider with its metadata as read at registration.
     *
     * @param family      its family
     * @param provider    the provider
     * @param source      the label of the source it came from
     * @param description its one-line description
     * @param parameters  its parameters
     * @param origin      where it came from, for messages: its bundle's jar, or the class path's jar or folder
     */
    public record Entry(Family family, Provider provider, String source, String description,
                        List<ParameterSpec> parameters, String origin) {

        /** The provider's spec name. */
        public String name() {
            return provider.name();
        }
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
                for (Provider p : source.providers(family, problems)) {
                    Entry entry = describe(family, p, source);
                    if (entry == null) {
                        continue;
                    }
                    Entry existing = byName.get(entry.name());
                    String className = p.getClass().getName();
                    if (existing == null) {
                        byName.put(entry.name(), entry);
                    } else if (!existing.provider().getClass().getName().equals(className)) {
                        problems.add(new PluginProblem(source.label(), family.label() + " '" + entry.name() + "' ("
                                + className + ")", "name clash with " + existing.provider().getClass().getName()
                                + " from " + existing.source() + ", which takes precedence"));
                    } else if (existing.source().equals(source.label())) {
                        problems.add(new PluginProblem(source.label(), family.label() + " '" + entry.name() + "' ("
                                + className + ")", "duplicate: the same provider class is offered twice by "
                                + source.label() + " (two copies of one plugin?); the first is used"));
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
            byName.values().stream().sorted(Comparator.comparing(Entry::name)).forEach(out::add);
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
        return type.cast(entry(family, name).provider());
    }

    /**
     * The registered provider of a family by name, with its metadata.
     *
     * @throws IllegalArgumentException naming the family, the name given and the names available; if a plugin of
     *                                  that name, or plugins that could be it, were skipped when loading, saying so
     *                                  with the reasons
     */
    public Entry entry(Family family, String name) {
        Entry e = entries.get(family).get(name);
        if (e != null) {
            return e;
        }
        String available = "; available: " + String.join(", ", names(family));
        String quoted = family.label() + " '" + name + "'";
        for (PluginProblem p : problems) {
            if (p.what().startsWith(quoted + " ")) {
                throw new IllegalArgumentException(quoted + " was skipped when loading: " + p.reason() + " ("
                        + p.source() + ")" + available);
            }
        }
        // A provider that failed before giving its name, or a bundle that could not be loaded at all, may be it.
        List<String> maybe = new ArrayList<>();
        for (PluginProblem p : problems) {
            boolean otherFamily = false;
            for (Family f : Family.values()) {
                otherFamily |= f != family && p.what().startsWith(f.label() + " ");
            }
            if (!otherFamily && !p.reason().startsWith("name clash") && !p.reason().startsWith("duplicate")) {
                maybe.add(p.what() + " from " + p.source() + ": " + p.reason());
            }
        }
        if (!maybe.isEmpty()) {
            throw new IllegalArgumentException("unknown " + quoted + "; it may be a plugin that was skipped when "
                    + "loading: " + String.join("; ", maybe) + available);
        }
        throw new IllegalArgumentException("unknown " + quoted + available);
    }

    /** Reads a provider's metadata, or reports it and returns null if the provider fails or gives none. */
    private Entry describe(Family family, Provider p, ProviderSource source) {
        String what = family.label() + " " + p.getClass().getName();
        try {
            String name = p.name();
            String description = p.description();
            List<ParameterSpec> parameters = p.parameters();
            if (name == null || name.isBlank() || parameters == null) {
                problems.add(new PluginProblem(source.label(), what, "provider gives no name or no parameter list"));
                return null;
            }
            return new Entry(family, p, source.label(), description == null ? "" : description,
                    List.copyOf(parameters), source.origin(p));
        } catch (Throwable e) {
            problems.add(new PluginProblem(source.label(), what, "provider failed to describe itself: "
                    + PluginFault.describe(e)));
            return null;
        }
    }
}
