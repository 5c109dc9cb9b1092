package org.riemopt.manifolds;

import org.riemopt.linalg.AmbientMatrix;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.linalg.LowRankMatrix;
import org.riemopt.problem.FactorJacobian;
import org.riemopt.problem.Lift;
import org.riemopt.problem.Linearization;
import org.riemopt.problem.MeasurementOperator;
import org.riemopt.problem.ResidualWeight;

/**
 * The Burer–Monteiro lift {@code φ(X) = XXᵀ} from {@code n x r} factors to {@code n x n} matrices.
 *
 * <p>Chain rule: {@code Dφ(X)[U] = UXᵀ + XUᵀ}, so {@code A(Dφ(X)[U])} is the operator's factored Jacobian at
 * {@code (X, X)} pushed along {@code (U, U)}; the pullback is {@code Dφ(X)*[Aᵀw] = (G + Gᵀ)X} with {@code G = Aᵀw},
 * and the curvature term is {@code (G + Gᵀ)U}. The Jacobian is cached by the operator in its own form
 * ({@link FactorJacobian}); {@code G = Aᵀℓ'(res)} comes from the same linearizing pass.
 */
public final class XxtLift implements Lift<DenseMatrix, DenseMatrix> {

    private final int n;
    private final int r;

    /** The lift for {@code n x r} factors. */
    public XxtLift(int n, int r) {
        this.n = n;
        this.r = r;
    }

    @Override
    public int rows() {
        return n;
    }

    @Override
    public int cols() {
        return n;
    }

    @Override
    public LowRankMatrix matrix(DenseMatrix x) {
        return new LowRankMatrix(x, x);
    }

    @Override
    public Linearization<DenseMatrix> linearize(DenseMatrix x, MeasurementOperator operator,
                                                ResidualWeight weight) {
        return new XxtLinearization(operator.linearize(x, x, x, weight));
    }

    private static final class XxtLinearization implements Linearization<DenseMatrix> {
        private final FactorJacobian jacobian;
        private double[] curvatureWeights;
        private AmbientMatrix adjoint;
        private DenseMatrix symmetrizedAdjoint;

        XxtLinearization(FactorJacobian jacobian) {
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
        public double[] push(DenseMatrix u) {
            return jacobian.push(u, u);
        }

        @Override
        public AmbientMatrix pullback(double[] w) {
            return sum(jacobian.pull(w));
        }

        @Override
        public AmbientMatrix gaussNewton(DenseMatrix u, double[] s) {
            return sum(jacobian.gaussNewton(u, u, s, new double[s.length]));
        }

        /** {@code Dφ(X)*[G] = GX + GᵀX} from the two halves of a pullback. */
        private static DenseMatrix sum(FactorJacobian.Pullback p) {
            return p.left().plus(p.right());
        }

        @Override
        public AmbientMatrix curvature(double[] w, DenseMatrix u) {
            if (w != curvatureWeights) {
                adjoint = jacobian.adjoint(w);
                // A dense G is symmetrized once per point (one product per Hessian-vector product after that); a
                // sparse or implicit G is used through its own products, never formed.
                symmetrizedAdjoint = adjoint instanceof DenseMatrix g ? g.plus(g.transpose()) : null;
                curvatureWeights = w;
            }
            return symmetrizedAdjoint != null ? symmetrizedAdjoint.times(u)
                    : adjoint.times(u).plus(adjoint.transposeTimes(u));
        }
    }
}
