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
 * The identity lift on {@link FixedRankEmbedded}: {@code φ(U S Vᵀ) = U S Vᵀ}, measured without forming it.
 *
 * <p>The operator is linearized at the factors {@code (U, V)} with {@code P = U S} ({@link FactorJacobian}): for a
 * tangent vector {@code ξ = U M Vᵀ + Up Vᵀ + U Vpᵀ}, {@code A(ξ)} is the Jacobian pushed along {@code (UM + Up, Vp)};
 * the adjoint {@code H = Aᵀw} is known through the pullback {@code (H·V, Hᵀ·U)}, which is all the projection onto the
 * tangent space needs. Only the Hessian's curvature term asks {@code G = Aᵀℓ'(res)} for other products; {@code G}
 * comes from the linearizing pass itself, in the operator's form (dense, sparse or implicit).
 */
public final class FixedRankIdentityLift implements Lift<FixedRankPoint, FixedRankTangent> {

    private final int rows;
    private final int cols;

    /** The lift on {@code rows x cols} matrices. */
    public FixedRankIdentityLift(int rows, int cols) {
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
    public LowRankMatrix matrix(FixedRankPoint x) {
        return new LowRankMatrix(x.u().times(x.s()), x.v());
    }

    @Override
    public Linearization<FixedRankTangent> linearize(FixedRankPoint x, MeasurementOperator operator,
                                                     ResidualWeight weight) {
        return new FixedRankLinearization(x, operator.linearize(x.u(), x.v(), x.u().times(x.s()), weight));
    }

    private final class FixedRankLinearization implements Linearization<FixedRankTangent> {
        private final FixedRankPoint x;
        private final FactorJacobian jacobian;

        FixedRankLinearization(FixedRankPoint x, FactorJacobian jacobian) {
            this.x = x;
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
        public double[] push(FixedRankTangent u) {
            return jacobian.push(leftFactor(u), u.vp());
        }

        @Override
        public AmbientMatrix pullback(double[] w) {
            return new CachedAdjoint(w, null);
        }

        @Override
        public AmbientMatrix gaussNewton(FixedRankTangent u, double[] s) {
            double[] scaled = new double[s.length];
            FactorJacobian.Pullback pullback = jacobian.gaussNewton(leftFactor(u), u.vp(), s, scaled);
            return new CachedAdjoint(scaled, pullback);
        }

        /** {@code U M + Up}, the left factor of {@code ξ = (U M + Up) Vᵀ + U Vpᵀ} (the right one is {@code Vp}). */
        private DenseMatrix leftFactor(FixedRankTangent u) {
            return x.u().times(u.m()).plus(u.up());
        }

        @Override
        public AmbientMatrix curvature(double[] w, FixedRankTangent u) {
            return null;
        }

        /**
         * {@code H = Aᵀw}: products with the point's own factors come from the Jacobian's pullback; any other product
         * asks the operator's adjoint (for {@code w = ℓ'(res)}, the one formed in the linearizing pass).
         */
        private final class CachedAdjoint implements AmbientMatrix {
            private final double[] w;
            private FactorJacobian.Pullback pullback;
            private AmbientMatrix adjoint;

            /** @param pullback {@code (H·V, Hᵀ·U)} if already known, else {@code null} (then pulled when asked) */
            CachedAdjoint(double[] w, FactorJacobian.Pullback pullback) {
                this.w = w;
                this.pullback = pullback;
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
            public DenseMatrix times(DenseMatrix v) {
                return v == x.v() ? pullback().left() : adjoint().times(v);
            }

            @Override
            public DenseMatrix transposeTimes(DenseMatrix u) {
                return u == x.u() ? pullback().right() : adjoint().transposeTimes(u);
            }

            @Override
            public DenseMatrix toDense() {
                return adjoint().toDense();
            }

            private FactorJacobian.Pullback pullback() {
                if (pullback == null) {
                    pullback = jacobian.pull(w);
                }
                return pullback;
            }

            private AmbientMatrix adjoint() {
                if (adjoint == null) {
                    adjoint = jacobian.adjoint(w);
                }
                return adjoint;
            }
        }
    }
}
