package org.riemopt.diagnostics;

/**
 * The smallest and largest eigenvalue of the Riemannian Hessian at a point, with their Ritz vectors, as found by
 * {@link HessianLanczos}.
 *
 * @param min         the smallest Ritz value
 * @param minVector   its Ritz vector, a unit-norm tangent vector
 * @param max         the largest Ritz value
 * @param maxVector   its Ritz vector, a unit-norm tangent vector
 * @param iterations  the number of Lanczos steps, each one Hessian-vector product
 * @param minResidual the Lanczos estimate {@code |β_k s_k|} of {@code ‖Hess[v] − θv‖} for the smallest pair
 *                    (equal to it in exact arithmetic)
 * @param maxResidual the same estimate for the largest pair
 * @param converged   whether both estimates met the tolerance, or the Krylov space became invariant
 * @param <T>         tangent vector type
 */
public record ExtremeEigenpairs<T>(double min, T minVector, double max, T maxVector, int iterations,
                                   double minResidual, double maxResidual, boolean converged) {
}
