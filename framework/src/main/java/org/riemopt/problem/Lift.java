package org.riemopt.problem;

import org.riemopt.linalg.AmbientMatrix;

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

    /**
     * {@code φ(x)} in its cheapest exact form: factored ({@code L Rᵀ}, a {@code LowRankMatrix}) for factored lifts,
     * so that errors against a truth are measured without forming an {@code m x n} matrix; the point itself for the
     * identity on a Euclidean space.
     */
    AmbientMatrix matrix(P x);

    /**
     * Measures {@code φ(x)} and builds what depends only on {@code x}: {@code A(φ(x))}, the Jacobian
     * {@code J = A∘Dφ(x)}, the weights {@code wᵢ = weight(i, A(φ(x))ᵢ)} and the adjoint {@code Aᵀw}, through the
     * operator's own linearization ({@link MeasurementOperator#linearize}) where {@code φ} is factored.
     */
    Linearization<T> linearize(P x, MeasurementOperator operator, ResidualWeight weight);
}
