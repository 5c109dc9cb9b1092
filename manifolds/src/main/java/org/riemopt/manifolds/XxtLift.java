package org.riemopt.manifolds;

import org.riemopt.linalg.AmbientMatrix;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.linalg.Kernels;
import org.riemopt.problem.Lift;
import org.riemopt.problem.Linearization;
import org.riemopt.problem.MeasurementOperator;
import org.riemopt.problem.ResidualWeight;

/**
 * The Burer–Monteiro lift {@code φ(X) = XXᵀ} from {@code n x r} factors to {@code n x n} matrices.
 *
 * <p>Chain rule: {@code Dφ(X)[U] = UXᵀ + XUᵀ}, so {@code A(Dφ(X)[U])ᵢ = ⟨Bᵢ, U⟩} with
 * {@code Bᵢ = (Aᵢ + Aᵢᵀ)X}; the pullback is {@code Dφ(X)*[Aᵀw] = Σ wᵢ Bᵢ}, and the curvature term is
 * {@code (G + Gᵀ)U} with {@code G = Aᵀw}. The {@code Bᵢ} ({@code m·n·r} numbers) are the Jacobian cache: built in
 * one pass over the operator, they serve the residual ({@code A(XXᵀ)ᵢ = ½⟨Bᵢ, X⟩}), the gradient and every
 * Gauss–Newton product; {@code G = Aᵀℓ'(res)} comes from the same pass ({@code factorProductsAndAdjoint}).
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
    public DenseMatrix toMatrix(DenseMatrix x) {
        return x.timesTranspose(x);
    }

    @Override
    public Linearization<DenseMatrix> linearize(DenseMatrix x, MeasurementOperator operator,
                                                ResidualWeight weight) {
        int m = operator.size();
        int block = n * r;
        double[] b = new double[m * block];
        double[] atx = new double[m * block];
        double[] values = new double[m];
        double[] weights = new double[m];
        double[] xd = x.data();
        AmbientMatrix g = operator.factorProductsAndAdjoint(x, x, b, atx, i -> {
            Kernels.axpy(1, atx, i * block, b, i * block, block);
            values[i] = 0.5 * Kernels.dot(b, i * block, xd, 0, block);
            weights[i] = weight.weight(i, values[i]);
            return weights[i];
        });
        return new XxtLinearization(operator, b, values, weights, g);
    }

    private final class XxtLinearization implements Linearization<DenseMatrix> {
        private final MeasurementOperator operator;
        private final double[] b;
        private final double[] values;
        private final double[] weights;
        private final AmbientMatrix adjointOfWeights;
        private double[] curvatureWeights;
        private DenseMatrix symmetrizedAdjoint;

        XxtLinearization(MeasurementOperator operator, double[] b, double[] values, double[] weights,
                         AmbientMatrix adjointOfWeights) {
            this.operator = operator;
            this.b = b;
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
        public double[] push(DenseMatrix u) {
            double[] out = new double[values.length];
            Kernels.dotEach(b, n * r, u.data(), out);
            return out;
        }

        @Override
        public AmbientMatrix pullback(double[] w) {
            double[] out = new double[n * r];
            Kernels.weightedSum(w, b, n * r, out);
            return DenseMatrix.wrap(n, r, out);
        }

        @Override
        public AmbientMatrix curvature(double[] w, DenseMatrix u) {
            if (w != curvatureWeights) {
                DenseMatrix g = (w == weights ? adjointOfWeights : operator.adjoint(w)).toDense();
                symmetrizedAdjoint = g.plus(g.transpose());
                curvatureWeights = w;
            }
            return symmetrizedAdjoint.times(u);
        }
    }
}
