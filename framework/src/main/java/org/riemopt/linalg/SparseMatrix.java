package org.riemopt.linalg;

import java.util.Locale;

/**
 * An immutable sparse {@code rows x cols} matrix: values on a shared {@link SparsePattern}, such as the completion
 * gradient {@code G = Σ wᵢ e_{rowᵢ} e_{colᵢ}ᵀ}. {@code G·V} gathers by rows and {@code Gᵀ·U} by columns, each
 * {@code O(size·r)} for {@code r} columns, with no write conflicts; {@link #toDense()} is refused above
 * {@link #DENSE_LIMIT} entries, since a completion instance of {@code 20000 x 20000} must never be formed.
 */
public final class SparseMatrix implements AmbientMatrix {

    /** The largest {@code rows·cols} that {@link #toDense()} forms (800 MB of doubles). */
    public static final long DENSE_LIMIT = 100_000_000L;

    private final SparsePattern pattern;
    private final double[] values;

    private SparseMatrix(SparsePattern pattern, double[] values) {
        this.pattern = pattern;
        this.values = values;
    }

    /**
     * The matrix with {@code values[k]} at entry {@code k} of {@code pattern} (row-major numbering). The array is
     * taken over, not copied: the caller must not modify it afterwards.
     *
     * @throws IllegalArgumentException if the length differs from the pattern's size
     */
    public static SparseMatrix wrap(SparsePattern pattern, double[] values) {
        if (values.length != pattern.size()) {
            throw new IllegalArgumentException("a sparse matrix over a pattern of " + pattern.size()
                    + " entries needs as many values, got " + values.length);
        }
        return new SparseMatrix(pattern, values);
    }

    /** The pattern of the nonzero entries. */
    public SparsePattern pattern() {
        return pattern;
    }

    /** The value of entry {@code k} (row-major numbering of the pattern). */
    public double value(int k) {
        return values[k];
    }

    @Override
    public int rows() {
        return pattern.rows();
    }

    @Override
    public int cols() {
        return pattern.cols();
    }

    @Override
    public DenseMatrix times(DenseMatrix v) {
        requireRows(v, cols(), "times");
        return timesRowMajor(v.transpose().data(), v.cols());
    }

    @Override
    public DenseMatrix transposeTimes(DenseMatrix u) {
        requireRows(u, rows(), "transposeTimes");
        return transposeTimesRowMajor(u.transpose().data(), u.cols());
    }

    /**
     * {@code this · V} for {@code V} ({@code cols x r}) given by rows: {@code factorRows[j·r + c] = V[j, c]}, the
     * layout in which a gather reads {@code r} contiguous numbers per entry. Read: factorRows.
     */
    public DenseMatrix timesRowMajor(double[] factorRows, int r) {
        requireLength(factorRows, cols(), r);
        int m = rows();
        double[] out = new double[m * r];
        pattern.forEachRow((i, from, to) -> {
            for (int k = from; k < to; k++) {
                double w = values[k];
                int at = pattern.col(k) * r;
                for (int c = 0; c < r; c++) {
                    out[i + c * m] += w * factorRows[at + c];
                }
            }
        });
        return DenseMatrix.wrap(m, r, out);
    }

    /**
     * {@code thisᵀ · U} for {@code U} ({@code rows x r}) given by rows: {@code factorRows[i·r + c] = U[i, c]}.
     * Read: factorRows.
     */
    public DenseMatrix transposeTimesRowMajor(double[] factorRows, int r) {
        requireLength(factorRows, rows(), r);
        int n = cols();
        double[] out = new double[n * r];
        pattern.forEachColumn((j, from, to) -> {
            for (int t = from; t < to; t++) {
                double w = values[pattern.entryByColumn(t)];
                int at = pattern.rowByColumn(t) * r;
                for (int c = 0; c < r; c++) {
                    out[j + c * n] += w * factorRows[at + c];
                }
            }
        });
        return DenseMatrix.wrap(n, r, out);
    }

    /**
     * The dense matrix, for small problems and tests.
     *
     * @throws IllegalStateException if {@code rows·cols} exceeds {@link #DENSE_LIMIT}
     */
    @Override
    public DenseMatrix toDense() {
        long entries = (long) rows() * cols();
        if (entries > DENSE_LIMIT) {
            throw new IllegalStateException("a " + rows() + " x " + cols() + " sparse matrix is not formed densely ("
                    + String.format(Locale.ROOT, "%.1e", (double) entries) + " entries, more than the limit of "
                    + String.format(Locale.ROOT, "%.0e", (double) DENSE_LIMIT) + "); use its products instead");
        }
        double[] out = new double[(int) entries];
        for (int k = 0; k < values.length; k++) {
            out[pattern.row(k) + pattern.col(k) * rows()] = values[k];
        }
        return DenseMatrix.wrap(rows(), cols(), out);
    }

    /** The sum; a sparse matrix when {@code other} is sparse over the very same pattern, else the lazy sum. */
    @Override
    public AmbientMatrix plus(AmbientMatrix other) {
        if (other instanceof SparseMatrix s && s.pattern == pattern) {
            double[] sum = values.clone();
            Kernels.axpy(1, s.values, 0, sum, 0, sum.length);
            return new SparseMatrix(pattern, sum);
        }
        return AmbientMatrix.super.plus(other);
    }

    private static void requireRows(DenseMatrix x, int rows, String where) {
        if (x.rows() != rows) {
            throw new IllegalArgumentException(where + ": expected a factor with " + rows + " rows, got "
                    + x.rows() + "x" + x.cols());
        }
    }

    private static void requireLength(double[] factorRows, int height, int r) {
        if (r < 0 || factorRows.length != (long) height * r) {
            throw new IllegalArgumentException("a " + height + " x " + r + " factor needs " + (long) height * r
                    + " numbers, got " + factorRows.length);
        }
    }
}
