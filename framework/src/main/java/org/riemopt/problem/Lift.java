package org.riemopt.problem;

import org.riemopt.linalg.DenseMatrix;

/**
 * The lift {@code φ} from manifold points to matrices ({@code XXᵀ}, {@code UVᵀ}, or the fixed-rank matrix itself),
 * which carries the chain rule of the composed cost {@code x ↦ L(A(φ(x)) − b)}.
 *
 * @param <P> point type
 * @param <T> tangent vector type
 */
public interface Lift<P, T> {

    /** Rows of {@code φ(x)}. */
    int rows();

    /** Columns of {@code φ(x)}. */
    int cols();

    /** {@code φ(x)} as a dense matrix; for small problems, reporting and tests. */
    DenseMatrix toMatrix(P x);

    /**
     * Measures {@code φ(x)} and builds what depends only on {@code x}: {@code A(φ(x))}, the Jacobian
     * {@code J = A∘Dφ(x)}, the weights {@code wᵢ = weight(i, A(φ(x))ᵢ)} and, where the operator can fuse it into
     * the same pass ({@link MeasurementOperator#factorProductsAndAdjoint}), the adjoint {@code Aᵀw}.
     */
    Linearization<T> linearize(P x, MeasurementOperator operator, ResidualWeight weight);
}
