package org.riemopt.spi;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.riemopt.io.ArrayFile;
import org.riemopt.linalg.DenseMatrix;

/**
 * Parameter values checked against a provider's {@link ParameterSpec}s: every key is known, every required key is
 * present, every value has its declared type and is finite, and absent keys take their defaults.
 *
 * <p>Raw values are what a YAML or JSON parser produces: numbers, booleans, strings, and lists of them.
 */
public final class Parameters {

    /** About how long a value quoted in an error message may be. */
    private static final int BRIEF = 60;

    private final Map<String, Object> values;

    private Parameters(Map<String, Object> values) {
        this.values = values;
    }

    /**
     * Validates raw values against {@code specs}; {@link ParameterType#FILE} values are resolved against the working
     * directory.
     *
     * @throws IllegalArgumentException naming the key, the value given and what is allowed
     */
    public static Parameters of(List<ParameterSpec> specs, Map<String, ?> raw) {
        return of(specs, raw, Path.of(""));
    }

    /**
     * Validates raw values against {@code specs}, resolving relative {@link ParameterType#FILE} values against
     * {@code baseDirectory} (the spec's folder).
     *
     * @throws IllegalArgumentException naming the key, the value given and what is allowed
     */
    public static Parameters of(List<ParameterSpec> specs, Map<String, ?> raw, Path baseDirectory) {
        Map<String, ParameterSpec> byName = new LinkedHashMap<>();
        specs.forEach(s -> byName.put(s.name(), s));
        for (String key : raw.keySet()) {
            if (!byName.containsKey(key)) {
                throw new IllegalArgumentException("unknown key '" + key + "'; allowed: "
                        + (byName.isEmpty() ? "none" : String.join(", ", byName.keySet())));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParameterSpec spec : specs) {
            Object value = raw.get(spec.name());
            if (value != null) {
                values.put(spec.name(), convert(spec, value, baseDirectory));
            } else if (spec.required()) {
                throw new IllegalArgumentException("missing key '" + spec.name() + "' (" + spec.type().description()
                        + ": " + spec.doc() + ")");
            } else if (spec.defaultValue() != null) {
                // Defaults come from the provider, not the user, and may be infinite (no time limit).
                values.put(spec.name(), spec.defaultValue());
            }
        }
        return new Parameters(Collections.unmodifiableMap(values));
    }

    /** An integer parameter. */
    public int integer(String name) {
        return (Integer) get(name);
    }

    /** A number parameter. */
    public double number(String name) {
        return (Double) get(name);
    }

    /** A boolean parameter. */
    public boolean bool(String name) {
        return (Boolean) get(name);
    }

    /** A string parameter. */
    public String string(String name) {
        return (String) get(name);
    }

    /** A matrix parameter. */
    public DenseMatrix matrix(String name) {
        return (DenseMatrix) get(name);
    }

    /** A file parameter, resolved against the spec's folder. */
    public Path path(String name) {
        return (Path) get(name);
    }

    /** Whether the parameter has a value (given, or by default). */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** A list-of-matrices parameter. */
    @SuppressWarnings("unchecked")
    public List<DenseMatrix> matrices(String name) {
        return (List<DenseMatrix>) get(name);
    }

    /** All values by name, defaults filled in. */
    public Map<String, Object> asMap() {
        return values;
    }

    private Object get(String name) {
        if (!values.containsKey(name)) {
            throw new IllegalArgumentException("parameter '" + name + "' is not declared or was not given");
        }
        return values.get(name);
    }

    private static Object convert(ParameterSpec spec, Object value, Path baseDirectory) {
        String key = spec.name();
        switch (spec.type()) {
            case INTEGER:
                if (value instanceof Integer || value instanceof Long) {
                    long v = ((Number) value).longValue();
                    if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
                        return (int) v;
                    }
                }
                if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < Integer.MAX_VALUE) {
                    return (int) d.doubleValue();
                }
                throw wrongType(key, value, spec.type());
            case NUMBER:
                return finite(key, value, "");
            case BOOLEAN:
                if (value instanceof Boolean) {
                    return value;
                }
                throw wrongType(key, value, spec.type());
            case STRING:
                if (value instanceof String) {
                    return value;
                }
                throw wrongType(key, value, spec.type());
            case MATRIX:
                return matrix(key, value, baseDirectory);
            case MATRIX_LIST:
                if (!(value instanceof List<?> list)) {
                    throw wrongType(key, value, spec.type());
                }
                List<DenseMatrix> out = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    out.add(matrix(key + "[" + i + "]", list.get(i), baseDirectory));
                }
                return Collections.unmodifiableList(out);
            case FILE:
                if (value instanceof String s && !s.isBlank()) {
                    return path(key, baseDirectory, s);
                }
                throw wrongType(key, value, spec.type());
            default:
                throw new IllegalStateException("unhandled type " + spec.type());
        }
    }

    /**
     * Converts a matrix value: a list of rows of numbers (shape and finiteness checked), or {@code {file: path}}, a
     * {@code .npy} or MatrixMarket file read at file speed (a relative path resolved against {@code baseDirectory}).
     * {@code key} names the value in errors.
     */
    public static DenseMatrix matrix(String key, Object value, Path baseDirectory) {
        if (value instanceof Map<?, ?> map) {
            return readMatrix(key, file(key, map, baseDirectory));
        }
        return matrix(key, value);
    }

    /**
     * Reads the matrix in a {@code .npy} or MatrixMarket file, refusing from its header, before reading, a matrix
     * that cannot be held ({@link MemoryBudget}); {@code key} names it in errors.
     *
     * @throws MemoryLimitException if the matrix does not fit
     * @throws org.riemopt.io.DataFileException if the file cannot be read
     */
    public static DenseMatrix readMatrix(String key, Path path) {
        ArrayFile file = ArrayFile.open(path);
        MemoryBudget.requireDoubles(key, "the matrix in " + path + " needs 8·rows·cols",
                (double) file.rows() * file.cols());
        return file.readMatrix();
    }

    /**
     * The path of a {@code {file: path}} value, resolved against {@code baseDirectory}.
     *
     * @throws IllegalArgumentException if the mapping has other keys or the path is not a string
     */
    public static Path file(String key, Map<?, ?> value, Path baseDirectory) {
        if (value.size() != 1 || !(value.get("file") instanceof String name) || name.isBlank()) {
            throw new IllegalArgumentException("key '" + key + "': expected a list of rows or {file: path}, got "
                    + brief(value));
        }
        return path(key, baseDirectory, name);
    }

    private static Path path(String key, Path baseDirectory, String name) {
        try {
            return baseDirectory.resolve(name).normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("key '" + key + "': " + brief(name) + " is not a file path: "
                    + e.getReason().toLowerCase(Locale.ROOT));
        }
    }

    /** Converts a list of rows of numbers, checking shape and finiteness; {@code key} names it in errors. */
    public static DenseMatrix matrix(String key, Object value) {
        if (!(value instanceof List<?> rowList) || rowList.isEmpty()) {
            throw wrongType(key, value, ParameterType.MATRIX);
        }
        double[][] rows = new double[rowList.size()][];
        for (int i = 0; i < rows.length; i++) {
            if (!(rowList.get(i) instanceof List<?> row) || row.isEmpty()) {
                throw new IllegalArgumentException("key '" + key + "': row " + i + " is "
                        + brief(rowList.get(i)) + "; each row must be a non-empty list of numbers");
            }
            if (i > 0 && row.size() != rows[0].length) {
                throw new IllegalArgumentException("key '" + key + "': row " + i + " has " + row.size()
                        + " entries but row 0 has " + rows[0].length + "; all rows must have the same length");
            }
            rows[i] = new double[row.size()];
            for (int j = 0; j < row.size(); j++) {
                rows[i][j] = finite(key, row.get(j), " at row " + i + ", column " + j);
            }
        }
        return DenseMatrix.ofRows(rows);
    }

    private static double finite(String key, Object value, String where) {
        if (!(value instanceof Number n)) {
            throw new IllegalArgumentException("key '" + key + "'" + where + ": expected a number, got "
                    + brief(value));
        }
        double d = n.doubleValue();
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("key '" + key + "'" + where + ": got " + d
                    + "; only finite numbers are allowed");
        }
        return d;
    }

    private static IllegalArgumentException wrongType(String key, Object value, ParameterType type) {
        return new IllegalArgumentException("key '" + key + "': expected " + type.description() + ", got "
                + brief(value));
    }

    /**
     * A value of a parsed spec, shortened to about 60 characters, for an error message: as the user wrote it (in
     * YAML flow style: strings quoted, {@code [a, b]}, {@code {k: v}}), never a Java class or object name.
     */
    public static String brief(Object value) {
        StringBuilder out = new StringBuilder();
        flow(value, out);
        return out.length() > BRIEF ? out.substring(0, BRIEF - 3) + "..." : out.toString();
    }

    /** Appends {@code value} in flow style, stopping soon after {@link #BRIEF} characters (values can be huge). */
    private static void flow(Object value, StringBuilder out) {
        if (value instanceof Collection<?> c) {
            out.append('[');
            for (Object e : c) {
                if (out.length() > BRIEF) {
                    break;
                }
                out.append(out.charAt(out.length() - 1) == '[' ? "" : ", ");
                flow(e, out);
            }
            out.append(']');
        } else if (value instanceof Map<?, ?> m) {
            out.append('{');
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (out.length() > BRIEF) {
                    break;
                }
                out.append(out.charAt(out.length() - 1) == '{' ? "" : ", ").append(e.getKey()).append(": ");
                flow(e.getValue(), out);
            }
            out.append('}');
        } else if (value == null) {
            out.append("nothing");
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof byte[]) {
            out.append("binary data (!!binary)");
        } else {
            // strings, and YAML timestamps (a date written unquoted) or any other scalar the YAML reader makes;
            // control characters are shown as escapes, never sent to the user's terminal
            out.append('\'');
            value.toString().chars().forEach(c -> out.append(c < 0x20 || c == 0x7f
                    ? String.format("\\u%04x", c) : String.valueOf((char) c)));
            out.append('\'');
        }
    }

    @Override
    public String toString() {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + brief(e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
