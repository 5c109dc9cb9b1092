package org.riemopt.plugins.operators;

import java.util.List;

import org.riemopt.io.ArrayFile;
import org.riemopt.io.Coordinates;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.problem.MeasurementOperator;
import org.riemopt.spi.MemoryBudget;
import org.riemopt.spi.OperatorProvider;
import org.riemopt.spi.ParameterSpec;
import org.riemopt.spi.ParameterType;
import org.riemopt.spi.Parameters;

/**
 * Spec name {@code completion}: a {@link CompletionOperator} on the lift's {@code m x n} matrices, from exactly one
 * of {@code entries} (a list of {@code [i, j, value]}, 0-based), {@code file} (a MatrixMarket coordinate file,
 * 1-based), {@code fraction} or {@code count} (entries sampled uniformly without replacement from the operator's
 * stream, {@code count = round(fraction·m·n)}). Given entries bring their values as the instance's measurements;
 * sampled ones measure the spec's truth.
 */
public final class CompletionOperatorProvider implements OperatorProvider {

    private static final List<String> SOURCES = List.of("entries", "file", "fraction", "count");

    @Override
    public String name() {
        return "completion";
    }

    @Override
    public String description() {
        return "matrix completion: observed entries given (entries, file) or sampled uniformly (fraction, count)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.optional("entries", ParameterType.MATRIX,
                        "the observed entries as rows [i, j, value], 0-based"),
                ParameterSpec.optional("file", ParameterType.FILE,
                        "a MatrixMarket coordinate file of the observed entries (1-based)"),
                ParameterSpec.optional("fraction", ParameterType.NUMBER,
                        "sample round(fraction*m*n) entries uniformly, 0 < fraction <= 1"),
                ParameterSpec.optional("count", ParameterType.INTEGER,
                        "sample this many entries uniformly, 1 <= count <= m*n"));
    }

    @Override
    public MeasurementOperator create(Parameters parameters, Context context) {
        List<String> given = SOURCES.stream().filter(parameters::has).toList();
        if (given.size() != 1) {
            throw new IllegalArgumentException("completion needs exactly one of the keys " + String.join(", ", SOURCES)
                    + (given.isEmpty() ? "; none was given" : "; got " + String.join(" and ", given)));
        }
        int m = context.rows();
        int n = context.cols();
        long total = (long) m * n;
        switch (given.get(0)) {
            case "entries":
                return fromEntries(parameters.matrix("entries"), m, n);
            case "file":
                return fromFile(parameters, m, n);
            case "fraction": {
                double fraction = parameters.number("fraction");
                if (!(fraction > 0 && fraction <= 1)) {
                    throw new IllegalArgumentException("key 'fraction': got " + fraction + "; allowed: 0 < fraction"
                            + " <= 1");
                }
                long count = Math.max(1, Math.round(fraction * total));
                requireSample("fraction", count, m, n);
                return CompletionOperator.sample(m, n, count, context.random());
            }
            default: {
                int count = parameters.integer("count");
                if (count < 1 || count > total) {
                    throw new IllegalArgumentException("key 'count': got " + count + "; allowed: 1 to m*n = "
                            + total + " for the lift's " + m + " x " + n + " matrices");
                }
                requireSample("count", count, m, n);
                return CompletionOperator.sample(m, n, count, context.random());
            }
        }
    }

    /**
     * Refuses a sample of {@code count} entries that cannot be held. Sampling keeps up to three arrays of positions
     * (8 bytes each) while it deduplicates; the pattern then holds four index arrays (4 bytes each) per entry beside
     * the positions, and row and column starts.
     */
    private static void requireSample(String key, long count, int m, int n) {
        MemoryBudget.require(key, "sampling |Ω| = " + count + " entries needs 24·|Ω| + 4·(m+n) bytes",
                24.0 * count + 4.0 * ((double) m + n), count);
    }

    private static CompletionOperator fromEntries(DenseMatrix entries, int m, int n) {
        if (entries.cols() != 3) {
            throw new IllegalArgumentException("key 'entries': rows must be [i, j, value] (3 numbers), got "
                    + entries.cols() + " per row");
        }
        int k = entries.rows();
        int[] row = new int[k];
        int[] col = new int[k];
        double[] value = new double[k];
        for (int e = 0; e < k; e++) {
            row[e] = index(entries, e, 0, m, n);
            col[e] = index(entries, e, 1, m, n);
            value[e] = entries.get(e, 2);
        }
        try {
            return CompletionOperator.of(m, n, row, col, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("key 'entries': " + e.getMessage(), e);
        }
    }

    /** A 0-based index from column {@code at} of entry {@code e}: row ({@code at = 0}) or column ({@code at = 1}). */
    private static int index(DenseMatrix entries, int e, int at, int m, int n) {
        double v = entries.get(e, at);
        if (v != Math.rint(v) || v < 0 || v >= (at == 0 ? m : n)) {
            throw new IllegalArgumentException("key 'entries': entry " + e + " " + entryText(entries, e) + " has "
                    + (at == 0 ? "row " : "column ") + v + "; allowed: integer rows 0.." + (m - 1) + " and columns 0.."
                    + (n - 1) + " (0-based) of the lift's " + m + " x " + n + " matrices");
        }
        return (int) v;
    }

    private static String entryText(DenseMatrix entries, int e) {
        return "[" + entries.get(e, 0) + ", " + entries.get(e, 1) + ", " + entries.get(e, 2) + "]";
    }

    private static CompletionOperator fromFile(Parameters parameters, int m, int n) {
        ArrayFile file = ArrayFile.open(parameters.path("file"));
        if (!file.isSparse()) {
            throw new IllegalArgumentException("key 'file': " + parameters.path("file") + " is a dense array; the "
                    + "observed entries are read from a MatrixMarket coordinate file (1-based i j value lines)");
        }
        // Read as three arrays (16 bytes an entry), sorted into three more, indexed by four int arrays.
        MemoryBudget.require("file", "the |Ω| = " + file.storedEntries() + " observed entries of "
                + parameters.path("file") + " need 48·|Ω| + 4·(m+n) bytes", 48.0 * file.storedEntries()
                + 4.0 * ((double) m + n), file.storedEntries());
        Coordinates read = file.readCoordinates();
        if (read.rows() != m || read.cols() != n) {
            throw new IllegalArgumentException("key 'file': " + parameters.path("file") + " holds a " + read.rows()
                    + " x " + read.cols() + " matrix but the lift produces " + m + " x " + n + " matrices");
        }
        try {
            return CompletionOperator.of(m, n, read.rowIndex(), read.colIndex(), read.values());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("key 'file': " + parameters.path("file") + ": " + e.getMessage(), e);
        }
    }
}
