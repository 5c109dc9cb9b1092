package org.riemopt.plugins.operators;

import java.util.Arrays;
import java.util.Optional;
import java.util.random.RandomGenerator;

import org.riemopt.linalg.AmbientMatrix;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.linalg.Kernels;
import org.riemopt.linalg.LowRankMatrix;
import org.riemopt.linalg.SparseMatrix;
import org.riemopt.linalg.SparsePattern;
import org.riemopt.problem.FactorJacobian;
import org.riemopt.problem.MeasuredPoint;
import org.riemopt.problem.MeasurementOperator;
import org.riemopt.problem.ObservedEntries;
import org.riemopt.problem.ResidualWeight;

/**
 * Matrix completion: the entries {@code Ω = {(rowᵢ, colᵢ)}} of an {@code m x n} matrix, {@code A(M)ᵢ = M[rowᵢ, colᵢ]}
 * (Candès and Recht, "Exact matrix completion via convex optimization", 2009). Measurements are numbered in
 * row-major order of their entries, whatever order they were given in; the adjoint {@code Aᵀw} is the
 * {@link SparseMatrix} with {@code wᵢ} at {@code (rowᵢ, colᵢ)}.
 *
 * <p>Nothing of size {@code m x n} is ever allocated: the operator keeps a {@link SparsePattern}
 * ({@code O(|Ω| + m + n)}), and a linearization keeps row-major copies of the factors ({@code O((m + n)·r)}, at most
 * {@code O(|Ω|·r)} since recovery needs {@code |Ω| ≥ max(m, n)}), so that every value, push and pullback reads
 * {@code r} contiguous numbers per factor and entry: {@code O(|Ω|·r)} time.
 */
public final class CompletionOperator implements MeasurementOperator, ObservedEntries {

    /** The largest {@code rows·cols} of a matrix that {@link #apply} forms densely when it has no entry access. */
    public static final long APPLY_DENSE_LIMIT = 10_000_000L;

    private final SparsePattern pattern;
    private final double[] observed;

    private CompletionOperator(SparsePattern pattern, double[] observed) {
        this.pattern = pattern;
        this.observed = observed;
    }

    /**
     * The operator observing the given entries with their values (0-based indices, in any order); the values become
     * its {@link #ownMeasurements()}, reordered with the entries. Read: row, col, values.
     *
     * @throws IllegalArgumentException if the lengths differ, an index is out of range (naming the entry) or an entry
     *                                  is given twice (naming it)
     */
    public static CompletionOperator of(int rows, int cols, int[] row, int[] col, double[] values) {
        if (values.length != row.length) {
            throw new IllegalArgumentException(row.length + " entries but " + values.length + " values");
        }
        int[] order = SparsePattern.rowMajorOrder(rows, cols, row, col);
        int[] sortedRow = new int[order.length];
        int[] sortedCol = new int[order.length];
        double[] sortedValues = new double[order.length];
        for (int t = 0; t < order.length; t++) {
            sortedRow[t] = row[order[t]];
            sortedCol[t] = col[order[t]];
            sortedValues[t] = values[order[t]];
        }
        return new CompletionOperator(SparsePattern.ofRowMajor(rows, cols, sortedRow, sortedCol), sortedValues);
    }

    /**
     * {@code count} entries of a {@code rows x cols} matrix drawn uniformly without replacement from {@code random}
     * (deterministic for a given generator state), with no values of its own. When {@code count ≤ rows·cols/2},
     * random positions are drawn, sorted and deduplicated, and topped up until there are {@code count}; otherwise
     * Knuth's selection sampling (TAOCP vol. 2, 3.4.2, Algorithm S) walks all positions once.
     *
     * @throws IllegalArgumentException if {@code count} is not in {@code [1, rows·cols]}
     */
    public static CompletionOperator sample(int rows, int cols, long count, RandomGenerator random) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("a completion operator needs at least one row and one column, got "
                    + rows + " x " + cols);
        }
        long total = (long) rows * cols;
        if (count < 1 || count > total || count > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("cannot sample " + count + " entries of a " + rows + " x " + cols
                    + " matrix; allowed: 1 to " + Math.min(total, Integer.MAX_VALUE - 8));
        }
        long[] positions = count > total / 2 ? selectionSample(total, (int) count, random)
                : rejectionSample(total, (int) count, random);
        int[] row = new int[positions.length];
        int[] col = new int[positions.length];
        for (int k = 0; k < positions.length; k++) {
            row[k] = (int) (positions[k] / cols);
            col[k] = (int) (positions[k] % cols);
        }
        return new CompletionOperator(SparsePattern.ofRowMajor(rows, cols, row, col), null);
    }

    /** {@code count} distinct positions in {@code [0, total)}, ascending, by drawing and deduplicating. */
    private static long[] rejectionSample(long total, int count, RandomGenerator random) {
        long[] drawn = new long[0];
        while (drawn.length < count) {
            int have = drawn.length;
            long[] more = Arrays.copyOf(drawn, count);
            for (int k = have; k < count; k++) {
                more[k] = random.nextLong(total);
            }
            Arrays.sort(more);
            int distinct = 0;
            for (int k = 0; k < more.length; k++) {
                if (k == 0 || more[k] != more[k - 1]) {
                    more[distinct++] = more[k];
                }
            }
            drawn = Arrays.copyOf(more, distinct);
        }
        return drawn;
    }

    /** Algorithm S: position {@code t} is kept with probability (still needed)/(still to see); ascending. */
    private static long[] selectionSample(long total, int count, RandomGenerator random) {
        long[] out = new long[count];
        int kept = 0;
        for (long t = 0; kept < count; t++) {
            if ((total - t) * random.nextDouble() < count - kept) {
                out[kept++] = t;
            }
        }
        return out;
    }

    @Override
    public long dataBytes() {
        return pattern.bytes() + (observed == null ? 0 : 8L * observed.length);
    }

    @Override
    public int size() {
        return pattern.size();
    }

    @Override
    public int rows() {
        return pattern.rows();
    }

    @Override
    public int cols() {
        return pattern.cols();
    }

    /** The observed entries. */
    public SparsePattern pattern() {
        return pattern;
    }

    @Override
    public int row(int i) {
        return pattern.row(i);
    }

    @Override
    public int col(int i) {
        return pattern.col(i);
    }

    @Override
    public boolean isObserved(int row, int col) {
        return pattern.indexOf(row, col) >= 0;
    }

    /** The values given with the entries (in measurement order), or empty for a sampled operator. */
    @Override
    public Optional<double[]> ownMeasurements() {
        return Optional.ofNullable(observed).map(double[]::clone);
    }

    /**
     * The selected entries, in the same (row-major) order, with their own values if the operator has them:
     * {@code O(|measurements|)}.
     */
    @Override
    public CompletionOperator select(int[] measurements) {
        requireSelection(measurements);
        int[] row = new int[measurements.length];
        int[] col = new int[measurements.length];
        double[] values = observed == null ? null : new double[measurements.length];
        for (int k = 0; k < measurements.length; k++) {
            row[k] = pattern.row(measurements[k]);
            col[k] = pattern.col(measurements[k]);
            if (values != null) {
                values[k] = observed[measurements[k]];
            }
        }
        return new CompletionOperator(SparsePattern.ofRowMajor(rows(), cols(), row, col), values);
    }

    /**
     * The observed entries of {@code x}: read from the factors of a {@link LowRankMatrix} ({@code O(|Ω|·k)}), from
     * a {@link DenseMatrix} directly, and from any other matrix through its dense form, which is refused above
     * {@link #APPLY_DENSE_LIMIT} entries.
     */
    @Override
    public double[] apply(AmbientMatrix x) {
        if (x.rows() != rows() || x.cols() != cols()) {
            throw new IllegalArgumentException("apply: expected a " + rows() + "x" + cols() + " matrix, got "
                    + x.rows() + "x" + x.cols());
        }
        double[] out = new double[size()];
        if (x instanceof LowRankMatrix f) {
            int k = f.left().cols();
            double[] left = f.left().transpose().data();
            double[] right = f.right().transpose().data();
            pattern.forEachRow((i, from, to) -> {
                for (int e = from; e < to; e++) {
                    out[e] = Kernels.dot(left, i * k, right, pattern.col(e) * k, k);
                }
            });
            return out;
        }
        if (!(x instanceof DenseMatrix) && (long) rows() * cols() > APPLY_DENSE_LIMIT) {
            throw new IllegalArgumentException("apply: a " + rows() + " x " + cols() + " " + x.getClass()
                    .getSimpleName() + " has no entry access and is too large to form densely (limit "
                    + APPLY_DENSE_LIMIT + " entries); pass a DenseMatrix or a LowRankMatrix");
        }
        DenseMatrix dense = x.toDense();
        pattern.forEachRow((i, from, to) -> {
            for (int e = from; e < to; e++) {
                out[e] = dense.get(i, pattern.col(e));
            }
        });
        return out;
    }

    /** The sparse matrix with {@code w} at the observed entries; {@code w} is copied. */
    @Override
    public SparseMatrix adjoint(double[] w) {
        Shapes.requireLength(w, size(), "adjoint");
        return SparseMatrix.wrap(pattern, w.clone());
    }

    @Override
    public FactorJacobian linearize(DenseMatrix u, DenseMatrix v, DenseMatrix p, ResidualWeight weight) {
        requireFactors(u, v, p);
        int r = u.cols();
        double[] uRows = u.transpose().data();
        double[] vRows = u == v ? uRows : v.transpose().data();
        double[] pRows = p == u ? uRows : p == v ? vRows : p.transpose().data();
        double[] values = new double[size()];
        double[] weights = new double[size()];
        pattern.forEachRow((i, from, to) -> {
            for (int e = from; e < to; e++) {
                values[e] = Kernels.dot(pRows, i * r, vRows, pattern.col(e) * r, r);
                weights[e] = weight.weight(e, values[e]);
            }
        });
        return new Jacobian(r, uRows, vRows, values, weights);
    }

    /** The rows of the factors at one point, row-major ({@code uRows[i·r + c] = U[i, c]}). */
    private final class Jacobian extends MeasuredPoint<SparseMatrix> {
        private final int r;
        private final double[] uRows;
        private final double[] vRows;

        Jacobian(int r, double[] uRows, double[] vRows, double[] values, double[] weights) {
            super(values, weights, SparseMatrix.wrap(pattern, weights), CompletionOperator.this::adjoint);
            this.r = r;
            this.uRows = uRows;
            this.vRows = vRows;
        }

        /** {@code ⟨a[rowᵢ], V[colᵢ]⟩ + ⟨U[rowᵢ], b[colᵢ]⟩}. */
        @Override
        public double[] push(DenseMatrix a, DenseMatrix b) {
            Shapes.require(a, rows(), r, "push(a)");
            Shapes.require(b, cols(), r, "push(b)");
            double[] aRows = a.transpose().data();
            double[] bRows = b == a ? aRows : b.transpose().data();
            double[] out = new double[size()];
            pattern.forEachRow((i, from, to) -> {
                for (int e = from; e < to; e++) {
                    int j = pattern.col(e) * r;
                    out[e] = Kernels.dot(aRows, i * r, vRows, j, r) + Kernels.dot(uRows, i * r, bRows, j, r);
                }
            });
            return out;
        }

        /** {@code (G V, Gᵀ U)}, by rows and by columns of the pattern; two products even when {@code U == V}. */
        @Override
        public Pullback pull(double[] w) {
            Shapes.requireLength(w, size(), "pull");
            // Transient: the products only read w, so it is wrapped, not copied.
            SparseMatrix g = w == weights() ? adjoint(w) : SparseMatrix.wrap(pattern, w);
            return new Pullback(g.timesRowMajor(vRows, r), g.transposeTimesRowMajor(uRows, r));
        }
    }
}
