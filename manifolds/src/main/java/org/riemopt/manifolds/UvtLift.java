package org.riemopt.manifolds;

import org.riemopt.linalg.AmbientMatrix;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.linalg.LowRankMatrix;
import org.riemopt.linalg.ProductAmbient;
import org.riemopt.problem.FactorJacobian;
import org.riemopt.problem.Lift;
import org.riemopt.problem.Linearization;
import org.riemopt.problem.MeasurementOperator;
import org.riemopt.problem.ResidualWeight;

/**
 * The asymmetric Burer–Monteiro lift {@code φ(U, V) = UVᵀ} from the factor space
 * {@code Euclidean(m x r) x Euclidean(n x r)} (a {@link ProductManifold}, points {@code (U, V)}) to {@code m x n}
 * matrices.
 *
 * <p>Chain rule: {@code Dφ(U, V)[(U̇, V̇)] = U̇Vᵀ + UV̇ᵀ}, which is the operator's factored Jacobian at
 * {@code (U, V)} ({@link FactorJacobian}, with {@code P = U}) pushed along {@code (U̇, V̇)}; the pullback of
 * {@code G = Aᵀw} is {@code (G·V, Gᵀ·U)}, a {@link ProductAmbient} of two thin blocks; and the curvature term along
 * {@code (U̇, V̇)} is {@code (G·V̇, Gᵀ·U̇)}, with {@code G = Aᵀℓ'(res)} from the linearizing pass in the operator's
 * own form (dense, sparse or implicit).
 */
public final class UvtLift implements Lift<Tuple, Tuple> {

    private final int rows;
    private final int cols;

    /** The lift for factors {@code U} ({@code rows x r}) and {@code V} ({@code cols x r}). */
    public UvtLift(int rows, int cols) {
        this.rows = rows;
        this.cols = cols;
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
    public LowRankMatrix matrix(Tuple x) {
        return new LowRankMatrix(x.get(0), x.get(1));
    }

    @Override
    public Linearization<Tuple> linearize(Tuple x, MeasurementOperator operator, ResidualWeight weight) {
        DenseMatrix u = x.get(0);
        return new UvtLinearization(operator.linearize(u, x.get(1), u, weight));
    }

    private static final class UvtLinearization implements Linearization<Tuple> {
        private final FactorJacobian jacobian;

        UvtLinearization(FactorJacobian jacobian) {
            this.jacobian = jacobian;
        }

        @Override
        public double[] values() {
            return jacobian.values();
        }

        @Override
        public double[] weights() {
            return jacobian.weights();
        }

        @Override
        public double[] push(Tuple u) {
            return jacobian.push(u.get(0), u.get(1));
        }

        @Override
        public AmbientMatrix pullback(double[] w) {
            return pair(jacobian.pull(w));
        }

        @Override
        public AmbientMatrix gaussNewton(Tuple u, double[] s) {
            return pair(jacobian.gaussNewton(u.get(0), u.get(1), s, new double[s.length]));
        }

        /** {@code Dφ(U, V)*[G] = (G·V, Gᵀ·U)} from the two halves of a pullback. */
        private static AmbientMatrix pair(FactorJacobian.Pullback p) {
            return ProductAmbient.of(p.left(), p.right());
        }

        @Override
        public AmbientMatrix curvature(double[] w, Tuple u) {
            AmbientMatrix g = jacobian.adjoint(w);
            return ProductAmbient.of(g.times(u.get(1)), g.transposeTimes(u.get(0)));
        }
    }
}
