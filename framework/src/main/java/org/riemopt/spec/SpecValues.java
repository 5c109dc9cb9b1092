package org.riemopt.spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.riemopt.io.ArrayFile;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.spi.MemoryBudget;
import org.riemopt.spi.MemoryLimitException;
import org.riemopt.spi.Parameters;
import org.riemopt.spi.PluginFault;
import org.riemopt.spi.PluginRegistry;

/**
 * Reading typed values out of a parsed spec document, every failure a {@link SpecException} naming the dotted key,
 * the value given and what is allowed. Matrices and vectors may be written inline or as {@code {file: path}} (a
 * {@code .npy} or MatrixMarket file, relative to the spec's folder).
 */
final class SpecValues {

    private SpecValues() {
    }

    /**
     * Runs plugin or construction code, turning its argument errors into spec errors at {@code key}; any other
     * failure of a plugin is reported the same way, so that a faulty plugin cannot take the host down.
     */
    static <R> R guarded(String key, Supplier<R> action) {
        return guarded(key, null, action);
    }

    /**
     * As {@link #guarded(String, Supplier)} for a call into the provider of {@code entry}: a failure names the
     * plugin and where it came from.
     */
    static <R> R guarded(String key, PluginRegistry.Entry entry, Supplier<R> action) {
        if (entry != null) {
            try {
                return guarded(key, action);
            } catch (SpecException e) {
                if (e.getCause() == null || e.getCause() instanceof PluginFault) {
                    throw e;
                }
                throw new SpecException(key, "the plugin " + entry.family().label() + " '" + entry.name() + "' ("
                        + entry.origin() + ") failed: " + PluginFault.describe(e.getCause()), e.getCause());
            }
        }
        R result;
        try {
            result = action.get();
        } catch (MemoryLimitException e) {
            throw memoryLimit(key, e);
        } catch (IllegalArgumentException e) {
            if (e.getClass() != IllegalArgumentException.class && e.getClass().getName().startsWith("java.")) {
                // a malformed number or pattern: the JVM's words for a failure of the code, not a refused value
                throw failed(key, e);
            }
            // Parameters names the key it checked; once is enough when that is the spec key itself
            String repeated = "key '" + key + "': ";
            String message = String.valueOf(e.getMessage());
            throw new SpecException(key, message.startsWith(repeated) ? message.substring(repeated.length())
                    : message);
        } catch (SpecException e) {
            throw e;
        } catch (PluginFault e) {
            throw new SpecException(e.key(), e.detail(), e);
        } catch (Throwable e) {
            throw failed(key, e);
        }
        if (result == null) {
            throw new SpecException(key, "the plugin returned nothing");
        }
        return result;
    }

    /**
     * A size refusal as a spec error at its full key: a provider names its own parameter ({@code measurements}),
     * which goes under {@code key} ({@code operator.measurements}); a key already under {@code key} (the loader's
     * own readers name full keys) is kept.
     */
    private static SpecException memoryLimit(String key, MemoryLimitException e) {
        if (e.key().isEmpty()) {
            return new SpecException(key, e.detail());
        }
        boolean full = key.isEmpty() || e.key().equals(key) || e.key().startsWith(key + ".");
        return new SpecException(full ? e.key() : key + "." + e.key(), e.detail());
    }

    /**
     * Refuses {@code count} numbers of 8 bytes in one array at spec key {@code key}; see
     * {@link MemoryBudget#requireDoubles}.
     */
    static void requireDoubles(String key, String what, double count) {
        requireMemory(key, what, 8 * count, count);
    }

    /** Refuses {@code bytes} bytes at spec key {@code key}; see {@link MemoryBudget#require}. */
    static void requireMemory(String key, String what, double bytes, double largestArray) {
        try {
            MemoryBudget.require(key, what, bytes, largestArray);
        } catch (MemoryLimitException e) {
            throw memoryLimit(key, e);
        }
    }

    private static SpecException failed(String key, Throwable e) {
        return new SpecException(key, "the plugin failed: " + PluginFault.describe(e), e);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> mapping(String key, Object value) {
        if (!(value instanceof Map)) {
            throw new SpecException(key, "expected a mapping of keys to values, got " + Parameters.brief(value));
        }
        Map<Object, Object> raw = (Map<Object, Object>) value;
        for (Object k : raw.keySet()) {
            if (!(k instanceof String)) {
                throw new SpecException(key, "keys must be names, got " + Parameters.brief(k));
            }
        }
        return (Map<String, Object>) value;
    }

    static Object require(Map<String, Object> spec, String key, String parent) {
        Object v = spec.get(key);
        if (v == null) {
            throw new SpecException(parent.isEmpty() ? key : parent + "." + key, "missing");
        }
        return v;
    }

    static void onlyKeys(String key, Map<String, Object> spec, Set<String> allowed) {
        for (String k : spec.keySet()) {
            if (!allowed.contains(k)) {
                throw new SpecException(key + "." + k, "unknown key; allowed here: " + String.join(", ",
                        allowed.stream().sorted().toList()));
            }
        }
    }

    static String string(String key, Object value) {
        if (!(value instanceof String s)) {
            throw new SpecException(key, "expected a name, got " + Parameters.brief(value));
        }
        return s;
    }

    static double number(String key, Object value) {
        if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
            throw new SpecException(key, "expected a finite number, got " + Parameters.brief(value));
        }
        return n.doubleValue();
    }

    static int positiveInteger(String key, Object value) {
        if (!(value instanceof Integer i) || i < 1) {
            throw new SpecException(key, "expected a positive integer, got " + Parameters.brief(value));
        }
        return i;
    }

    /** A matrix written as a list of rows or as {@code {file: path}}. */
    static DenseMatrix matrix(String key, Object value, Path base) {
        return guarded(key, () -> Parameters.matrix(key, value, base));
    }

    /** The path of a {@code {file: path}} value. */
    static Path file(String key, Map<String, Object> value, Path base) {
        return guarded(key, () -> Parameters.file(key, value, base));
    }

    /** A vector of {@code expected} finite numbers, written as a list or as {@code {file: path}}. */
    static double[] vector(String key, Object value, int expected, Path base) {
        double[] out;
        if (value instanceof Map<?, ?>) {
            Path path = file(key, mapping(key, value), base);
            out = guarded(key, () -> {
                ArrayFile file = ArrayFile.open(path);
                MemoryBudget.requireDoubles(key, "the vector in " + path + " needs 8·m", (double) file.rows()
                        * file.cols());
                return file.readVector();
            });
        } else if (value instanceof List<?> list) {
            out = new double[list.size()];
            for (int i = 0; i < out.length; i++) {
                if (!(list.get(i) instanceof Number n) || !Double.isFinite(n.doubleValue())) {
                    throw new SpecException(key, "entry " + i + " (0-based) is " + Parameters.brief(list.get(i))
                            + "; only finite numbers are allowed");
                }
                out[i] = n.doubleValue();
            }
        } else {
            throw new SpecException(key, "expected a list of " + expected + " numbers or {file: path}, got "
                    + Parameters.brief(value));
        }
        if (out.length != expected) {
            throw new SpecException(key, "has " + out.length + " values but the operator takes " + expected
                    + " measurements");
        }
        return out;
    }
}
