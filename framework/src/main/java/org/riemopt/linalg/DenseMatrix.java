package org.riemopt.linalg;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * An immutable dense real matrix stored column-major in a {@code double[]} (entry {@code (i, j)} at
 * {@code i + j·rows}), the layout of LAPACK and Manopt. Every operation returns a new matrix.
 *
 * <p>Used for thin factors ({@code n x r}), small cores ({@code r x r}) and, in small problems, whole matrices.
 */
public final class DenseMatrix implements AmbientMatrix {

    private final int rows;
    private final int cols;
    private final double[] data;

    private DenseMatrix(int rows, int cols, double[] data) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    /**
     * Wraps a column-major array without copying; the caller hands the array over and must not modify it
     * afterwards (this is how kernels return their results without a copy).
     */
    public static DenseMatrix wrap(int rows, int cols, double[] columnMajor) {
        if (rows < 0 || cols < 0 || columnMajor.length != rows * cols) {
            throw new IllegalArgumentException("a " + rows + "x" + cols + " matrix needs " + rows * cols
                    + " entries, got " + columnMajor.length);
        }
        return new DenseMatrix(rows, cols, columnMajor);
    }

    /** A matrix from a list of rows, as written in problem specs; all rows must have the same length. */
    public static DenseMatrix ofRows(double[][] rowList) {
        int r = rowList.length;
        int c = r == 0 ? 0 : rowList[0].length;
        double[] d = new double[r * c];
        for (int i = 0; i < r; i++) {
            if (rowList[i].length != c) {
                throw new IllegalArgumentException("row " + i + " has " + rowList[i].length
                        + " entries, row 0 has " + c);
            }
            for (int j = 0; j < c; j++) {
                d[i + j * r] = rowList[i][j];
            }
        }
        return new DenseMatrix(r, c, d);
    }

    /** The {@code rows x cols} zero matrix. */
    public static DenseMatrix zeros(int rows, int cols) {
        return new DenseMatrix(rows, cols, new double[rows * cols]);
    }

    /** The {@code n x n} identity. */
    public static DenseMatrix identity(int n) {
        double[] d = new double[n * n];
        for (int i = 0; i < n; i++) {
            d[i + i * n] = 1;
        }
        return new DenseMatrix(n, n, d);
    }

    /** A diagonal matrix. */
    public static DenseMatrix diagonal(double[] diag) {
        int n = diag.length;
        double[] d = new double[n * n];
        for (int i = 0; i < n; i++) {
            d[i + i * n] = diag[i];
        }
        return new DenseMatrix(n, n, d);
    }

    /** A matrix of iid standard normal entries, drawn column by column. */
    public static DenseMatrix gaussian(int rows, int cols, RandomGenerator random) {
        double[] d = new double[rows * cols];
        for (int k = 0; k < d.length; k++) {
            d[k] = random.nextGaussian();
        }
        return new DenseMatrix(rows, cols, d);
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int cols() {
        return cols;
    }

    /** Entry {@code (i, j)}. */
    public double get(int i, int j) {
        return data[i + j * rows];
    }

    /** The backing column-major array, for kernels. Not to be modified. */
    public double[] data() {
        return data;
    }

    /** The entries as a list of rows (a fresh array). */
    public double[][] toRows() {
        double[][] out = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out[i][j] = get(i, j);
            }
        }
        return out;
    }

    @Override
    public DenseMatrix toDense() {
        return this;
    }

    /**
     * Each entry is {@code Σ_k this[i, k]·b[k, j]} summed in increasing {@code k}, every product and sum rounded
     * ({@link Kernels#multiplyUnfused}: the bits of one axpy per column, the order the reference runs were matched
     * with, in register tiles; one axpy per column loaded and stored the output for every column, and took a third
     * of a Hessian-vector product of the demo in its curvature term {@code (G + Gᵀ)U}).
     */
    @Override
    public DenseMatrix times(DenseMatrix b) {
        requireInner(cols, b.rows, "times");
        double[] out = new double[rows * b.cols];
        Kernels.multiplyUnfused(data, 0, rows, cols, b.data, 0, b.cols, out, 0);
        return new DenseMatrix(rows, b.cols, out);
    }

    @Override
    public DenseMatrix transposeTimes(DenseMatrix b) {
        requireInner(rows, b.rows, "transposeTimes");
        double[] out = new double[cols * b.cols];
        for (int j = 0; j < b.cols; j++) {
            for (int i = 0; i < cols; i++) {
                out[i + j * cols] = Kernels.dot(data, i * rows, b.data, j * b.rows, rows);
            }
        }
        return new DenseMatrix(cols, b.cols, out);
    }

    /** Returns {@code this · bᵀ}. */
    public DenseMatrix timesTranspose(DenseMatrix b) {
        return times(b.transpose());
    }

    /** The transpose. */
    public DenseMatrix transpose() {
        double[] out = new double[data.length];
        for (int j = 0; j < cols; j++) {
            for (int i = 0; i < rows; i++) {
                out[j + i * cols] = data[i + j * rows];
            }
        }
        return new DenseMatrix(cols, rows, out);
    }

    /** Returns {@code this + b}. */
    public DenseMatrix plus(DenseMatrix b) {
        return lincomb(1, this, 1, b);
    }

    /** Returns {@code this − b}. */
    public DenseMatrix minus(DenseMatrix b) {
        return lincomb(1, this, -1, b);
    }

    /** Returns {@code a·this}. */
    public DenseMatrix scale(double a) {
        double[] out = new double[data.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = a * data[k];
        }
        return new DenseMatrix(rows, cols, out);
    }

    /** Returns {@code a·x + b·y}. */
    public static DenseMatrix lincomb(double a, DenseMatrix x, double b, DenseMatrix y) {
        x.requireSameShape(y);
        double[] out = y.data.clone();
        Kernels.axpby(a, x.data, b, out);
        return new DenseMatrix(x.rows, x.cols, out);
    }

    /** The Frobenius inner product {@code trace(thisᵀ b)}. */
    public double inner(DenseMatrix b) {
        requireSameShape(b);
        return Kernels.dot(data, 0, b.data, 0, data.length);
    }

    /** The Frobenius norm. */
    public double normF() {
        return Math.sqrt(inner(this));
    }

    /** Columns {@code from} (inclusive) to {@code to} (exclusive). */
    public DenseMatrix columns(int from, int to) {
        return new DenseMatrix(rows, to - from, Arrays.copyOfRange(data, from * rows, to * rows));
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive). */
    public DenseMatrix rowRange(int from, int to) {
        int height = to - from;
        double[] out = new double[height * cols];
        for (int j = 0; j < cols; j++) {
            System.arraycopy(data, from + j * rows, out, j * height, height);
        }
        return new DenseMatrix(height, cols, out);
    }

    /** The block {@code [this, b]}. */
    public DenseMatrix hconcat(DenseMatrix b) {
        if (b.rows != rows) {
            throw new IllegalArgumentException("hconcat: " + rows + " rows vs " + b.rows);
        }
        double[] out = Arrays.copyOf(data, data.length + b.data.length);
        System.arraycopy(b.data, 0, out, data.length, b.data.length);
        return new DenseMatrix(rows, cols + b.cols, out);
    }

    /** The block {@code [this; b]} (b below this). */
    public DenseMatrix vconcat(DenseMatrix b) {
        return transpose().hconcat(b.transpose()).transpose();
    }

    /** True if every entry is finite. */
    public boolean isFinite() {
        for (double v : data) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private void requireSameShape(DenseMatrix b) {
        if (b.rows != rows || b.cols != cols) {
            throw new IllegalArgumentException("shape mismatch: " + rows + "x" + cols + " vs " + b.rows + "x" + b.cols);
        }
    }

    private static void requireInner(int a, int b, String op) {
        if (a != b) {
            throw new IllegalArgumentException(op + ": inner dimensions differ (" + a + " vs " + b + ")");
        }
    }

    @Override
    public String toString() {
        return rows + "x" + cols + " " + Arrays.deepToString(toRows());
    }
}
