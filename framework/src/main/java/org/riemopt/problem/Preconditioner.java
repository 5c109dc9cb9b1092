package org.riemopt.problem;

import java.util.function.UnaryOperator;

/**
 * A preconditioner for Riemannian solvers (Manopt's {@code problem.precon}): at each point {@code x}, a linear map
 * {@code P_x} on the tangent space that is self-adjoint and positive definite for the manifold's metric,
 * {@code ⟨P_x u, v⟩ = ⟨u, P_x v⟩} and {@code ⟨P_x u, u⟩ > 0} for {@code u ≠ 0}. A good {@code P_x} approximates the
 * inverse of the Hessian; {@code P_x(grad f)} is the gradient of {@code f} in the metric {@code ⟨u, P_x⁻¹v⟩}.
 *
 * <p>{@link #at} does the work that depends only on the point (e.g. factoring a small matrix) once; the map it
 * returns is then applied as often as a solver needs (once per truncated-CG iteration).
 *
 * @param <P> point type
 * @param <T> tangent vector type
 */
@FunctionalInterface
public interface Preconditioner<P, T> {

    /** The map {@code u ↦ P_x(u)} on the tangent space at {@code x}. */
    UnaryOperator<T> at(P x);
}
