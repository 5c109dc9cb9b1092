package org.riemopt.problem;

import org.riemopt.linalg.AmbientMatrix;

/**
 * The measurement map {@code x ↦ A(φ(x))} linearized at one point: its value and its Jacobian
 * {@code J = A∘Dφ(x)} with the adjoint, built once per point by {@link Lift#linearize}.
 *
 * <p>The composed cost's Euclidean gradient is {@code pullback(w)} with {@code w = weights() = ℓ'(res)}, and its
 * Hessian along {@code u} is {@code gaussNewton(u, ℓ''(res)) + curvature(w, u)}, where the Gauss–Newton part is
 * {@code pullback(ℓ''(res) ⊙ push(u))}.
 *
 * @param <T> tangent vector type
 */
public interface Linearization<T> {

    /** {@code A(φ(x))}, one value per measurement. The caller must not modify the array. */
    double[] values();

    /**
     * The weights {@code wᵢ} computed during linearization (the loss derivative at the residual). Passing this
     * very array to {@link #pullback} or {@link #curvature} reuses the adjoint formed in the linearizing pass.
     */
    double[] weights();

    /** {@code J·u = A(Dφ(x)[u])}, one value per measurement. */
    double[] push(T u);

    /** {@code Jᵀ·w = Dφ(x)*[Aᵀw]}, a matrix of the manifold's ambient space. {@code w} is not modified. */
    AmbientMatrix pullback(double[] w);

    /**
     * The Gauss–Newton part of the Hessian along {@code u}: {@code pullback(s ⊙ push(u))}, with
     * {@code (s ⊙ push(u))ᵢ = push(u)ᵢ·sᵢ}. This default composes the two; a lift over a {@link FactorJacobian}
     * passes the product on to {@link FactorJacobian#gaussNewton}, which a dense operator does in one sweep of its
     * cache with the same bits.
     *
     * @param s one factor per measurement (the loss's second derivative at the residual); not modified
     */
    default AmbientMatrix gaussNewton(T u, double[] s) {
        double[] pushed = push(u);
        for (int i = 0; i < pushed.length; i++) {
            pushed[i] *= s[i];
        }
        return pullback(pushed);
    }

    /**
     * The second-order term of {@code φ} along {@code u} against {@code G = Aᵀw}: the derivative of
     * {@code x ↦ Dφ(x)*[G]} along {@code u}. Zero (returned as {@code null}) when {@code φ} is linear.
     */
    AmbientMatrix curvature(double[] w, T u);
}
