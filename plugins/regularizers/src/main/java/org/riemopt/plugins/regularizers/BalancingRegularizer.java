package org.riemopt.plugins.regularizers;

import org.riemopt.linalg.AmbientMatrix;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.linalg.ProductAmbient;
import org.riemopt.manifolds.Tuple;
import org.riemopt.problem.Regularizer;

/**
 * The balancing regularizer {@code R(U, V) = γ‖UᵀU − VᵀV‖²_F} on the factor space, which removes the rescaling
 * freedom {@code (U, V) → (UA, VA⁻ᵀ)} of {@code UVᵀ}: the "balancing" regularizer beside
 * {@code ½‖A(UVᵀ) − b‖²} in McRae (2026, seed 000), and the term of {@code g_t} in Zhang (2024, seed 002), Example
 * 4.4, whose Example 4.5 shows it is needed. With
 * {@code D = UᵀU − VᵀV}:
 * <pre>
 *   ∇R = (4γ U D, −4γ V D),
 *   ∇²R[(U̇, V̇)] = (4γ (U̇ D + U Ḋ), −4γ (V̇ D + V Ḋ)),   Ḋ = U̇ᵀU + UᵀU̇ − V̇ᵀV − VᵀV̇   (exact).
 * </pre>
 */
final class BalancingRegularizer implements Regularizer<Tuple, Tuple> {

    private final double gamma;

    /** @param gamma {@code γ ≥ 0} */
    BalancingRegularizer(double gamma) {
        this.gamma = gamma;
    }

    @Override
    public double value(Tuple x) {
        DenseMatrix d = imbalance(x.get(0), x.get(1));
        return gamma * d.inner(d);
    }

    @Override
    public AmbientMatrix euclideanGradient(Tuple x) {
        DenseMatrix u = x.get(0);
        DenseMatrix v = x.get(1);
        DenseMatrix d = imbalance(u, v);
        return ProductAmbient.of(u.times(d).scale(4 * gamma), v.times(d).scale(-4 * gamma));
    }

    @Override
    public AmbientMatrix euclideanHessian(Tuple x, Tuple w) {
        DenseMatrix u = x.get(0);
        DenseMatrix v = x.get(1);
        DenseMatrix du = w.get(0);
        DenseMatrix dv = w.get(1);
        DenseMatrix d = imbalance(u, v);
        DenseMatrix uTdu = u.transposeTimes(du);
        DenseMatrix vTdv = v.transposeTimes(dv);
        DenseMatrix dd = uTdu.plus(uTdu.transpose()).minus(vTdv.plus(vTdv.transpose()));
        return ProductAmbient.of(du.times(d).plus(u.times(dd)).scale(4 * gamma),
                dv.times(d).plus(v.times(dd)).scale(-4 * gamma));
    }

    /** {@code D = UᵀU − VᵀV}. */
    private static DenseMatrix imbalance(DenseMatrix u, DenseMatrix v) {
        return u.transposeTimes(u).minus(v.transposeTimes(v));
    }
}
