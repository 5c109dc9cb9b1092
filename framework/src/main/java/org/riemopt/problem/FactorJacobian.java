package org.riemopt.problem;

import org.riemopt.linalg.AmbientMatrix;
import org.riemopt.linalg.DenseMatrix;

/**
 * A measurement operator linearized at a factored point: with thin factors {@code U} ({@code rows x r}),
 * {@code V} ({@code cols x r}) and {@code P} ({@code rows x r}), the values {@code A(P Vᵀ)} and the Jacobian of the
 * bilinear map {@code (Ȧ, Ḃ) ↦ A(Ȧ Vᵀ + U Ḃᵀ)}. Every factored lift reduces to it: {@code XXᵀ} takes
 * {@code U = V = P = X} and pushes {@code (Ẋ, Ẋ)}; {@code UVᵀ} takes {@code P = U}; a fixed-rank point {@code U S Vᵀ}
 * takes {@code P = U S} and pushes {@code (U M + Up, Vp)}.
 *
 * <p>Built once per point by {@link MeasurementOperator#linearize}, in the form the operator's structure allows: a
 * dense operator keeps the blocks {@code AᵢV} and {@code AᵢᵀU} (one pass over its data); matrix completion keeps the
 * factors' rows; phase retrieval keeps {@code Uᵀaᵢ}. Pushes and pullbacks then cost what that cache costs to read,
 * not another pass over a dense operator.
 */
public interface FactorJacobian {

    /** {@code A(P Vᵀ)}, one value per measurement. The caller must not modify the array. */
    double[] values();

    /**
     * The weights {@code wᵢ = weight(i, A(P Vᵀ)ᵢ)} evaluated during linearization. Passing this very array to
     * {@link #adjoint} returns the adjoint formed in the linearizing pass. The caller must not modify the array.
     */
    double[] weights();

    /**
     * {@code A(a Vᵀ + U bᵀ)}, one value per measurement.
     *
     * @param a {@code rows x r}; not modified
     * @param b {@code cols x r}; not modified
     */
    double[] push(DenseMatrix a, DenseMatrix b);

    /**
     * The pullback of {@code w}: with {@code G = Aᵀw}, the pair {@code (G V, Gᵀ U)}. {@code w} is not modified.
     */
    Pullback pull(double[] w);

    /**
     * The Gauss–Newton product: the pullback of {@code c = s ⊙ push(a, b)}, i.e. {@code Jᵀ diag(s) J} along
     * {@code (a, b)}, with {@code c} written to {@code scaled}. By default a push, the scaling ({@code cᵢ =
     * push(a, b)ᵢ·sᵢ}) and a pull; an operator may fuse them (a dense one does, in one sweep of its cache) but must
     * keep these bits.
     *
     * @param a      {@code rows x r}; not modified
     * @param b      {@code cols x r}; not modified
     * @param s      one factor per measurement (the loss's second derivative at the residual); not modified
     * @param scaled written: {@code c}, as many numbers as measurements. An override must write it: lifts keep it to
     *               form {@code Aᵀc} later (the fixed-rank lift's cached adjoint does)
     */
    default Pullback gaussNewton(DenseMatrix a, DenseMatrix b, double[] s, double[] scaled) {
        double[] pushed = push(a, b);
        for (int i = 0; i < pushed.length; i++) {
            scaled[i] = pushed[i] * s[i];
        }
        return pull(scaled);
    }

    /** {@code Aᵀw} as an ambient matrix (dense, sparse or implicit, as the operator keeps it). */
    AmbientMatrix adjoint(double[] w);

    /**
     * The two halves of a pullback.
     *
     * @param left  {@code (Aᵀw) V}, {@code rows x r}
     * @param right {@code (Aᵀw)ᵀ U}, {@code cols x r}; the same object as {@code left} when the operator is symmetric
     *              and {@code U == V}
     */
    record Pullback(DenseMatrix left, DenseMatrix right) {
    }
}
