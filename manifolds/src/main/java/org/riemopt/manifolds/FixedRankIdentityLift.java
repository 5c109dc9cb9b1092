package org.riemopt.manifolds;

import org.riemopt.linalg.AmbientMatrix;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.linalg.Kernels;
import org.riemopt.problem.Lift;
import org.riemopt.problem.Linearization;
import org.riemopt.problem.MeasurementOperator;
import org.riemopt.problem.ResidualWeight;

/**
 * The identity lift on {@link FixedRankEmbedded}: {@code φ(U S Vᵀ) = U S Vᵀ}, measured without forming it.
 *
 * <p>The Jacobian cache is {@code AᵢV} ({@code m x r}) and {@code AᵢᵀU} ({@code n x r}) for every measurement, built
 * in one pass over the operator. From it: {@code A(X)ᵢ = ⟨AᵢV, US⟩}; for a tangent vector
 * {@code ξ = U M Vᵀ + Up Vᵀ + U Vpᵀ}, {@code A(ξ)ᵢ = ⟨AᵢV, UM + Up⟩ + ⟨AᵢᵀU, Vp⟩}; and the adjoint
 * {@code H = Aᵀw} is known through {@code H·V = Σ wᵢ AᵢV} and {@code Hᵀ·U = Σ wᵢ AᵢᵀU}, which is all the projection
 * onto the tangent space needs. Only the Hessian's curvature term asks {@code G = Aᵀℓ'(res)} for other products;
 * {@code G} comes from the linearizing pass itself ({@code factorProductsAndAdjoint}).
 */
public final class FixedRankIdentityLift implements Lift<FixedRankPoint, FixedRankTangent> {

    private final int rows;
    private final int cols;
    private final int rank;

    /** The lift on {@code rows x cols} matrices of rank {@code rank}. */
    public FixedRankIdentityLift(int rows, int cols, int rank) {
        this.rows = rows;
        this.cols = cols;
        this.rank = rank;
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
    public DenseMatrix toMatrix(FixedRankPoint x) {
        return x.toMatrix();
    }

    @Override
    public Linearization<FixedRankTangent> linearize(FixedRankPoint x, MeasurementOperator operator,
                                                     ResidualWeight weight) {
        int m = operator.size();
        double[] av = new double[m * rows * rank];
        double[] atu = new double[m * cols * rank];
        double[] us = x.u().times(x.s()).data();
        double[] values = new double[m];
        double[] weights = new double[m];
        AmbientMatrix g = operator.factorProductsAndAdjoint(x.u(), x.v(), av, atu, i -> {
            values[i] = Kernels.dot(av, i * rows * rank, us, 0, rows * rank);
            weights[i] = weight.weight(i, values[i]);
            return weights[i];
        });
        return new FixedRankLinearization(x, operator, av, atu, values, weights, g);
    }

    private final class FixedRankLinearization implements Linearization<FixedRankTangent> {
        private final FixedRankPoint x;
        private final MeasurementOperator operator;
        private final double[] av;
        private final double[] atu;
        private final double[] values;
        private final double[] weights;
        private final AmbientMatrix adjointOfWeights;

        FixedRankLinearization(FixedRankPoint x, MeasurementOperator operator, double[] av, double[] atu,
                               double[] values, double[] weights, AmbientMatrix adjointOfWeights) {
            this.x = x;
            this.operator = operator;
            this.av = av;
            this.atu = atu;
            this.values = values;
            this.weights = weights;
            this.adjointOfWeights = adjointOfWeights;
        }

        @Override
        public double[] values() {
            return values;
        }

        @Override
        public double[] weights() {
            return weights;
        }

        @Override
        public double[] push(FixedRankTangent u) {
            double[] out = new double[values.length];
            double[] fromV = new double[values.length];
            Kernels.dotEach(av, rows * rank, x.u().times(u.m()).plus(u.up()).data(), out);
            Kernels.dotEach(atu, cols * rank, u.vp().data(), fromV);
            for (int i = 0; i < out.length; i++) {
                out[i] += fromV[i];
            }
            return out;
        }

        @Override
        public AmbientMatrix pullback(double[] w) {
            return new CachedAdjoint(w);
        }

        @Override
        public AmbientMatrix curvature(double[] w, FixedRankTangent u) {
            return null;
        }

        /**
         * {@code H = Aᵀw}: products with the point's own factors come from the cache; any other product asks the
         * operator's adjoint (for {@code w = ℓ'(res)}, the one formed in the linearizing pass), in whatever form the
         * operator gives it.
         */
        private final class CachedAdjoint implements AmbientMatrix {
            private final double[] w;
            private AmbientMatrix adjoint;

            CachedAdjoint(double[] w) {
                this.w = w;
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
                return v == x.v() ? weightedSum(av, rows) : adjoint().times(v);
            }

            @Override
            public DenseMatrix transposeTimes(DenseMatrix u) {
                return u == x.u() ? weightedSum(atu, cols) : adjoint().transposeTimes(u);
            }

            @Override
            public DenseMatrix toDense() {
                return adjoint().toDense();
            }

            private AmbientMatrix adjoint() {
                if (adjoint == null) {
                    adjoint = w == weights ? adjointOfWeights : operator.adjoint(w);
                }
                return adjoint;
            }

            private DenseMatrix weightedSum(double[] blocks, int height) {
                double[] out = new double[height * rank];
                Kernels.weightedSum(w, blocks, height * rank, out);
                return DenseMatrix.wrap(height, rank, out);
            }
        }
    }
}
