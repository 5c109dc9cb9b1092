package org.riemopt.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.riemopt.spec.Instance;
import org.riemopt.spec.SpecLoader;

/**
 * A spec file as a YAML tree, so that {@code compare} and {@code sweep} can change keys (the seed of a trial, the
 * solver, a swept {@code manifold.cols}) before resolving it with a {@link SpecLoader}. The tree is never shared:
 * {@link #with} returns a changed copy.
 */
final class SpecDocument {

    private final Map<String, Object> root;
    private final Path baseDirectory;

    private SpecDocument(Map<String, Object> root, Path baseDirectory) {
        this.root = root;
        this.baseDirectory = baseDirectory;
    }

    /** Reads the spec file at {@code path}; its data files resolve against its folder, as {@code run} does. */
    static SpecDocument read(Path path) {
        @SuppressWarnings("unchecked")
        Map<String, Object> root = (Map<String, Object>) copy(SpecLoader.readDocument(path));
        return new SpecDocument(root, path.toAbsolutePath().getParent());
    }

    /** The value at a top-level key, or {@code null}. */
    Object get(String key) {
        return root.get(key);
    }

    /**
     * A copy with {@code value} at the dotted key {@code key}: mapping keys and 0-based list indices separated by
     * dots ({@code manifold.cols}, {@code loss.1.weight}). Every key on the way must exist; the last may be new in a
     * mapping (the loader then says whether it is allowed).
     *
     * @throws IllegalArgumentException if the path does not lead to a mapping or list entry, with the reason
     */
    SpecDocument with(String key, Object value) {
        @SuppressWarnings("unchecked")
        Map<String, Object> copy = (Map<String, Object>) copy(root);
        String[] parts = key.split("\\.", -1);
        Object node = copy;
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty()) {
                throw new IllegalArgumentException("empty part in key '" + key + "'");
            }
            boolean last = i == parts.length - 1;
            String where = path.length() == 0 ? "the spec" : "'" + path + "'";
            if (node instanceof Map<?, ?> map) {
                if (!last && !map.containsKey(part)) {
                    throw new IllegalArgumentException("no key '" + part + "' in " + where + "; it has: "
                            + String.join(", ", map.keySet().stream().map(String::valueOf).toList()));
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) map;
                if (last) {
                    m.put(part, value);
                } else {
                    node = m.get(part);
                }
            } else if (node instanceof List<?> list) {
                int index = index(part, list.size(), where);
                @SuppressWarnings("unchecked")
                List<Object> l = (List<Object>) list;
                if (last) {
                    l.set(index, value);
                } else {
                    node = l.get(index);
                }
            } else {
                throw new IllegalArgumentException(where + " is " + node + ", not a mapping or a list, so it has no '"
                        + part + "'" + (node instanceof String ? " (write it as a mapping, e.g. {type: " + node
                        + "}, to set its keys)" : ""));
            }
            path.append(path.length() == 0 ? "" : ".").append(part);
        }
        return new SpecDocument(copy, baseDirectory);
    }

    private static int index(String part, int size, String where) {
        int index;
        try {
            index = Integer.parseInt(part);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + " is a list: give a 0-based index, not '" + part + "'");
        }
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException(where + " is a list of " + size + " entries: index " + index
                    + " is out of range (indices are 0-based)");
        }
        return index;
    }

    /** Resolves this document; data files resolve against the original spec's folder. */
    Instance<?, ?> resolve(SpecLoader loader) {
        return loader.resolve(copy(root), baseDirectory);
    }

    /** A deep copy of mappings and lists; scalars are immutable and shared. */
    private static Object copy(Object node) {
        if (node instanceof Map<?, ?> map) {
            // keys as parsed: one that is not a name (a list, a number) is refused by the loader, as for run
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, copy(v)));
            return out;
        }
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(copy(v)));
            return out;
        }
        return node;
    }
}
