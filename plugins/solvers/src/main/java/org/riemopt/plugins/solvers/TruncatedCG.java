package org.riemopt.plugins.solvers;

import java.util.function.UnaryOperator;

import org.riemopt.manifold.Manifold;
import org.riemopt.problem.Objective;
import org.riemopt.problem.Preconditioner;

/**
 * Steihaug–Toint truncated conjugate gradients for the trust-region subproblem
 * {@code min ⟨g, η⟩ + ½⟨η, Hess[η]⟩ s.t. ‖η‖_{P⁻¹} ≤ Δ} with a preconditioner {@code P}, as Manopt's
 * {@code trs_tCG} started from {@code η = 0} (Absil, Baker, Gallivan, "Trust-region methods on Riemannian
 * manifolds", FoCM 7, 2007, Alg. 2; Conn, Gould, Toint, <i>Trust-Region Methods</i>, 2000, §7.5): CG on the
 * preconditioned residual {@code z = P(r)} with {@code ⟨z, r⟩} in place of {@code ⟨r, r⟩}, and the region measured
 * in the norm {@code ‖η‖²_{P⁻¹} = ⟨η, P⁻¹η⟩}, whose values along the iteration ({@code e_Pe = ‖η‖²},
 * {@code e_Pd = ⟨η, δ⟩}, {@code d_Pd = ‖δ‖²} in that norm) follow from the CG recurrences without applying
 * {@code P⁻¹}. With the identity ({@link #none()}) every product is the unpreconditioned one, bit for bit.
 *
 * <p>It stops on negative curvature or when the next iterate would leave the region (both move to the boundary
 * and set {@code limitedByRadius}), when the model stops decreasing (round-off), when
 * {@code ‖r‖ ≤ ‖r₀‖·min(‖r₀‖^θ, κ)} after at least {@code minInner} iterations, or after {@code maxInner}.
 */
final class TruncatedCG {

    /**
     * The step and what it cost.
     *
     * @param eta             the step η
     * @param hessEta         {@code Hess[η]}, accumulated alongside (no extra Hessian call)
     * @param innerIterations tCG iterations done
     * @param limitedByRadius whether η was stopped on the boundary (radius or negative curvature)
     * @param regionNorm      {@code ‖η‖_{P⁻¹}}, the norm the region is measured in: the radius on the boundary, else
     *                        from the recurrence {@code e_Pe}
     */
    record Outcome<T>(T eta, T hessEta, int innerIterations, boolean limitedByRadius, double regionNorm) {
    }

    private TruncatedCG() {
    }

    /** No preconditioner: {@code P} is the identity. */
    static <P, T> Preconditioner<P, T> none() {
        return x -> UnaryOperator.identity();
    }

    /**
     * Approximately solves the subproblem at {@code x}; {@code preconditioner.at(x)} is formed once, and only when
     * the gradient is nonzero.
     */
    static <P, T> Outcome<T> solve(Objective<P, T> problem, P x, T grad, double radius, double kappa, double theta,
                                   int minInner, int maxInner, Preconditioner<P, T> preconditioner) {
        Manifold<P, T> m = problem.manifold();
        T eta = m.zeroTangent(x);
        T hessEta = m.zeroTangent(x);
        T r = grad;
        double rr = m.inner(x, r, r);
        double normR0 = Math.sqrt(rr);
        if (rr == 0) {
            // A zero gradient (reachable with gradientTolerance 0): η = 0 is the model's minimizer along every
            // direction tCG would try; Manopt would divide 0 by 0 here.
            return new Outcome<>(eta, hessEta, 0, false, 0);
        }
        UnaryOperator<T> precon = preconditioner.at(x);
        T z = precon.apply(r);
        double zr = m.inner(x, z, r);
        T mdelta = z;
        double ePe = 0;
        double ePd = 0;
        double dPd = zr;
        double modelValue = 0;
        double etaPeta = 0;
        double radius2 = radius * radius;
        int j = 0;
        while (j < maxInner) {
            j++;
            T hmdelta = problem.hessian(x, mdelta);
            double dHd = m.inner(x, mdelta, hmdelta);
            double alpha = zr / dHd;
            double ePeNew = ePe + 2.0 * alpha * ePd + alpha * alpha * dPd;
            if (dHd <= 0 || ePeNew >= radius2) {
                double tau = (-ePd + Math.sqrt(ePd * ePd + dPd * (radius2 - ePe))) / dPd;
                eta = m.lincomb(x, 1, eta, -tau, mdelta);
                hessEta = m.lincomb(x, 1, hessEta, -tau, hmdelta);
                return new Outcome<>(eta, hessEta, j, true, radius);
            }
            ePe = ePeNew;
            T newEta = m.lincomb(x, 1, eta, -alpha, mdelta);
            T newHessEta = m.lincomb(x, 1, hessEta, -alpha, hmdelta);
            double newModelValue = m.inner(x, newEta, grad) + 0.5 * m.inner(x, newEta, newHessEta);
            if (newModelValue >= modelValue) {
                break;
            }
            eta = newEta;
            hessEta = newHessEta;
            modelValue = newModelValue;
            etaPeta = ePe;
            r = m.lincomb(x, 1, r, -alpha, hmdelta);
            double normR = Math.sqrt(m.inner(x, r, r));
            if (j >= minInner && normR <= normR0 * Math.min(Math.pow(normR0, theta), kappa)) {
                break;
            }
            z = precon.apply(r);
            double zrOld = zr;
            zr = m.inner(x, z, r);
            double beta = zr / zrOld;
            mdelta = m.tangent(x, m.lincomb(x, 1, z, beta, mdelta));
            ePd = beta * (ePd + alpha * dPd);
            dPd = zr + beta * beta * dPd;
        }
        return new Outcome<>(eta, hessEta, j, false, Math.sqrt(etaPeta));
    }
}
