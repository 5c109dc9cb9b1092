package org.riemopt.plugins.operators;

import org.riemopt.linalg.AmbientMatrix;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.problem.DenseMeasurementOperator;
import org.riemopt.problem.FactorJacobian;
import org.riemopt.problem.MeasuredPoint;
import org.riemopt.problem.MeasurementOperator;
import org.riemopt.problem.ResidualWeight;

/**
 * A scaled identity minus a rank-one term on {@code R^(rows x cols)}: {@code A(M) = α·vec(M) − β·⟨G, M⟩·vec(G)} for
 * a fixed unit-norm matrix {@code G}, with {@code m = rows·cols} measurements indexed by {@code vec} (column-major).
 * It is self-adjoint ({@code Aᵀ = A}) and kept as {@code G} alone: storage and every application cost
 * {@code O(rows·cols)}, the size of one measurement vector, never {@code (rows·cols)²}. With {@code β = 0, α = 1} it
 * is the identity ({@code ½‖A(M) − b‖² = ½‖M − C‖²_F}, low-rank approximation); {@link RipCounterexampleOperator}
 * is the RIP counterexample of Zhang (2024), Example 4.1.
 *
 * <p>A linearization forms {@code P Vᵀ} (the size of the measurement vector anyway) and the adjoint of the weights
 * once; pushes form {@code a Vᵀ + U bᵀ}, pullbacks multiply the dense {@code Aᵀw} with the thin factors.
 */
public sealed class IdentityMinusRankOneOperator implements MeasurementOperator permits RipCounterexampleOperator {

    private final int rows;
    private final int cols;
    private final double alpha;
    private final double beta;
    private final DenseMatrix g;

    IdentityMinusRankOneOperator(double alpha, double beta, DenseMatrix g) {
        DenseMeasurementOperator.checkedSize(1, g.rows(), g.cols());
        if (beta != 0 && Math.abs(g.normF() - 1) > 1e-12) {
            throw new IllegalArgumentException("the rank-one term needs a unit-norm G, got ‖G‖ = " + g.normF());
        }
        this.rows = g.rows();
        this.cols = g.cols();
        this.alpha = alpha;
        this.beta = beta;
        this.g = g;
    }

    /** The identity {@code A(M) = vec(M)} on {@code rows x cols} matrices. */
    public static IdentityMinusRankOneOperator identity(int rows, int cols) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("the identity needs at least one row and one column, got " + rows
                    + " x " + cols);
        }
        return new IdentityMinusRankOneOperator(1, 0, DenseMatrix.zeros(rows, cols));
    }

    /**
     * {@code A(M) = α·vec(M) − β·⟨G, M⟩·vec(G)}; {@code g} is kept, not copied.
     *
     * @throws IllegalArgumentException if {@code β ≠ 0} and {@code ‖G‖_F} differs from 1 by more than 1e-12
     */
    public static IdentityMinusRankOneOperator of(double alpha, double beta, DenseMatrix g) {
        return new IdentityMinusRankOneOperator(alpha, beta, g);
    }

    /** {@code α}. */
    public double alpha() {
        return alpha;
    }

    /** {@code β}. */
    public double beta() {
        return beta;
    }

    /** The unit-norm direction {@code G} of the rank-one term (zero for the identity). */
    public DenseMatrix direction() {
        return g;
    }

    @Override
    public long dataBytes() {
        return 8L * g.data().length;
    }

    @Override
    public int size() {
        return rows * cols;
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int cols() {
        return cols;
    }

    @Override
    public double[] apply(AmbientMatrix x) {
        return map(x.toDense(), "apply").data();
    }

    /**
     * The selected rows as a dense operator: row {@code i} of {@code A} is {@code α·eᵢ − β·gᵢ·vec(G)}, so
     * {@code |measurements|} rows of {@code rows·cols} numbers each, {@code O(|measurements|·rows·cols)}; a batch is
     * small, and the structure of the whole operator (identity plus rank one) does not survive a selection.
     */
    @Override
    public DenseMeasurementOperator select(int[] measurements) {
        requireSelection(measurements);
        int block = rows * cols;
        double[] gd = g.data();
        double[] data = new double[DenseMeasurementOperator.checkedSize(measurements.length, rows, cols)];
        for (int k = 0; k < measurements.length; k++) {
            int i = measurements[k];
            if (beta != 0) {
                for (int j = 0; j < block; j++) {
                    data[k * block + j] = -beta * gd[i] * gd[j];
                }
            }
            data[k * block + i] += alpha;
        }
        return DenseMeasurementOperator.wrap(measurements.length, rows, cols, data);
    }

    /** {@code Aᵀw = A(mat(w))}, dense. */
    @Override
    public DenseMatrix adjoint(double[] w) {
        Shapes.requireLength(w, size(), "adjoint");
        return map(DenseMatrix.wrap(rows, cols, w), "adjoint");
    }

    /** {@code α·M − β·⟨G, M⟩·G} as a new matrix; {@code m} is read. */
    private DenseMatrix map(DenseMatrix m, String where) {
        Shapes.require(m, rows, cols, where);
        return DenseMatrix.lincomb(alpha, m, -beta * g.inner(m), g);
    }

    @Override
    public FactorJacobian linearize(DenseMatrix u, DenseMatrix v, DenseMatrix p, ResidualWeight weight) {
        requireFactors(u, v, p);
        double[] values = map(p.timesTranspose(v), "linearize").data();
        double[] weights = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            weights[i] = weight.weight(i, values[i]);
        }
        return new MeasuredPoint<DenseMatrix>(values, weights, adjoint(weights), this::adjoint) {
            @Override
            public double[] push(DenseMatrix a, DenseMatrix b) {
                Shapes.require(a, rows, u.cols(), "push(a)");
                Shapes.require(b, cols, u.cols(), "push(b)");
                return map(a.timesTranspose(v).plus(u.timesTranspose(b)), "push").data();
            }

            @Override
            public Pullback pull(double[] w) {
                DenseMatrix gw = adjoint(w);
                return new Pullback(gw.times(v), gw.transposeTimes(u));
            }
        };
    }
}
