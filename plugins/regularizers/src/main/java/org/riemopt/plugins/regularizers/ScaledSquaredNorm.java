package org.riemopt.plugins.regularizers;

import java.util.List;

import org.riemopt.linalg.AmbientMatrix;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.problem.Regularizer;

/**
 * {@code R(x) = c·Σᵢ ‖Bᵢ‖²_F} over the factor blocks {@code Bᵢ} of the point ({@code X}, or {@code U} and {@code V}),
 * with Euclidean gradient {@code 2c·Bᵢ} and Hessian {@code 2c·Ḃᵢ} blockwise. It is the nuclear-norm surrogate
 * ({@code c = λ/2} on {@code (U, V)}, {@code c = λ} on a symmetric factor) and the Frobenius penalty
 * ({@code c = λ/2}).
 *
 * @param <P> point type: a factor matrix or a pair of them
 * @param <T> tangent vector type, of the same form
 */
final class ScaledSquaredNorm<P, T> implements Regularizer<P, T> {

    private final double c;

    /** @param c the coefficient {@code c ≥ 0} */
    ScaledSquaredNorm(double c) {
        this.c = c;
    }

    @Override
    public double value(P x) {
        double s = 0;
        for (DenseMatrix b : FactorKind.blocks(x)) {
            s += b.inner(b);
        }
        return c * s;
    }

    @Override
    public AmbientMatrix euclideanGradient(P x) {
        return scaled(FactorKind.blocks(x));
    }

    @Override
    public AmbientMatrix euclideanHessian(P x, T u) {
        return scaled(FactorKind.blocks(u));
    }

    private AmbientMatrix scaled(List<DenseMatrix> blocks) {
        return FactorKind.ambient(blocks.stream().map(b -> b.scale(2 * c)).toList());
    }
}
