/**
 * The cost {@code f(x) = Σᵢ ℓ(A(φ(x))ᵢ − bᵢ) + Σₖ Rₖ(x)} and its parts: the {@link org.riemopt.problem.Lift}
 * {@code φ} with its chain rule, the linear {@link org.riemopt.problem.MeasurementOperator} {@code A}, the separable
 * {@link org.riemopt.problem.Loss} {@code ℓ} (a {@link org.riemopt.problem.WeightedLossSum} of losses is one too),
 * {@link org.riemopt.problem.Regularizer}s, and the {@link org.riemopt.problem.Problem} that composes them with a
 * per-point cache, so that the operator's data is read at most twice per point and Hessian-vector products reuse the
 * residual's Jacobian.
 */
package org.riemopt.problem;
