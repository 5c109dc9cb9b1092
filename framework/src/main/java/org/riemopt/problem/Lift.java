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
     * Measures {@code φ(x)} and builds what depends only on {@code x}: {@code A(φ(x))} and the Jacobian
     * {@code J = A∘Dφ(x)}, in one pass over the operator's data.
     */
    Linearization<T> linearize(P x, MeasurementOperator operator);
}
