package org.riemopt.manifolds;

import org.riemopt.linalg.AmbientMatrix;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.linalg.Kernels;
import org.riemopt.linalg.ProductAmbient;
import org.riemopt.problem.Lift;
import org.riemopt.problem.Linearization;
import org.riemopt.problem.MeasurementOperator;
import org.riemopt.problem.ResidualWeight;

/**
 * The asymmetric Burer–Monteiro lift {@code φ(U, V) = UVᵀ} from the factor space
 * {@code Euclidean(m x r) x Euclidean(n x r)} (a {@link ProductManifold}, points {@code (U, V)}) to {@code m x n}
 * matrices.
 *
 * <p>Chain rule: {@code Dφ(U, V)[(U̇, V̇)] = U̇Vᵀ + UV̇ᵀ}, so {@code A(Dφ[(U̇, V̇)])ᵢ = ⟨AᵢV, U̇⟩ + ⟨AᵢᵀU, V̇⟩}; the
 * pullback of {@code G = Aᵀw} is {@code (G·V, Gᵀ·U) = (Σ wᵢAᵢV, Σ wᵢAᵢᵀU)}, a {@link ProductAmbient} of two thin
 * blocks; and the curvature term along {@code (U̇, V̇)} is {@code (G·V̇, Gᵀ·U̇)}. The Jacobian cache is
 * {@code AᵢV} and {@code AᵢᵀU}, built in one pass over the operator ({@code factorProductsAndAdjoint}), as for
 * {@link FixedRankIdentityLift}: it gives the values {@code A(UVᵀ)ᵢ = ⟨AᵢV, U⟩}, every push and pullback, and
 * {@code G = Aᵀℓ'(res)} comes from the same pass.
 */
public final class UvtLift implements Lift<Tuple, Tuple> {

    private final int rows;
    private final int cols;
    private final int rank;

    /** The lift for factors {@code U} ({@code rows x rank}) and {@code V} ({@code cols x rank}). */
    public UvtLift(int rows, int cols, int rank) {
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
    public DenseMatrix toMatrix(Tuple x) {
        return x.<DenseMatrix>get(0).timesTranspose(x.get(1));
    }

    @Override
    public Linearization<Tuple> linearize(Tuple x, MeasurementOperator operator, ResidualWeight weight) {
        DenseMatrix u = x.get(0);
        DenseMatrix v = x.get(1);
        int m = operator.size();
        double[] av = new double[m * rows * rank];
        double[] atu = new double[m * cols * rank];
        double[] values = new double[m];
        double[] weights = new double[m];
        double[] ud = u.data();
        AmbientMatrix g = operator.factorProductsAndAdjoint(u, v, av, atu, i -> {
            values[i] = Kernels.dot(av, i * rows * rank, ud, 0, rows * rank);
            weights[i] = weight.weight(i, values[i]);
            return weights[i];
        });
        return new UvtLinearization(operator, av, atu, values, weights, g);
    }

    private final class UvtLinearization implements Linearization<Tuple> {
        private final MeasurementOperator operator;
        private final double[] av;
        private final double[] atu;
        private final double[] values;
        private final double[] weights;
        private final AmbientMatrix adjointOfWeights;

        UvtLinearization(MeasurementOperator operator, double[] av, double[] atu, double[] values,
                         double[] weights, AmbientMatrix adjointOfWeights) {
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
        public double[] push(Tuple u) {
            double[] out = new double[values.length];
            double[] fromV = new double[values.length];
            Kernels.dotEach(av, rows * rank, u.<DenseMatrix>get(0).data(), out);
            Kernels.dotEach(atu, cols * rank, u.<DenseMatrix>get(1).data(), fromV);
            for (int i = 0; i < out.length; i++) {
                out[i] += fromV[i];
            }
            return out;
        }

        @Override
        public AmbientMatrix pullback(double[] w) {
            return ProductAmbient.of(weightedSum(w, av, rows), weightedSum(w, atu, cols));
        }

        @Override
        public AmbientMatrix curvature(double[] w, Tuple u) {
            AmbientMatrix g = w == weights ? adjointOfWeights : operator.adjoint(w);
            return ProductAmbient.of(g.times(u.get(1)), g.transposeTimes(u.get(0)));
        }

        private DenseMatrix weightedSum(double[] w, double[] blocks, int height) {
            double[] out = new double[height * rank];
            Kernels.weightedSum(w, blocks, height * rank, out);
            return DenseMatrix.wrap(height, rank, out);
        }
    }
}
