package org.riemopt.plugins.solvers;

import org.riemopt.manifold.Manifold;
import org.riemopt.problem.Objective;

/**
 * Steihaug–Toint truncated conjugate gradients for the trust-region subproblem
 * {@code min ⟨g, η⟩ + ½⟨η, Hess[η]⟩ s.t. ‖η‖ ≤ Δ}, without preconditioner, as Manopt's {@code trs_tCG} started from
 * {@code η = 0} (Absil, Baker, Gallivan, "Trust-region methods on Riemannian manifolds", FoCM 7, 2007, Alg. 2;
 * Conn, Gould, Toint, <i>Trust-Region Methods</i>, 2000, §7.5).
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
     */
    record Outcome<T>(T eta, T hessEta, int innerIterations, boolean limitedByRadius) {
    }

    private TruncatedCG() {
    }

    static <P, T> Outcome<T> solve(Objective<P, T> problem, P x, T grad, double radius, double kappa, double theta,
                                   int minInner, int maxInner) {
        Manifold<P, T> m = problem.manifold();
        T eta = m.zeroTangent(x);
        T hessEta = m.zeroTangent(x);
        T r = grad;
        double rr = m.inner(x, r, r);
        double normR0 = Math.sqrt(rr);
        T mdelta = r;
        double ePe = 0;
        double ePd = 0;
        double dPd = rr;
        double zr = rr;
        double modelValue = 0;
        double radius2 = radius * radius;
        if (rr == 0) {
            // A zero gradient (reachable with gradientTolerance 0): η = 0 is the model's minimizer along every
            // direction tCG would try; Manopt would divide 0 by 0 here.
            return new Outcome<>(eta, hessEta, 0, false);
        }
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
                return new Outcome<>(eta, hessEta, j, true);
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
            r = m.lincomb(x, 1, r, -alpha, hmdelta);
            double normR = Math.sqrt(m.inner(x, r, r));
            if (j >= minInner && normR <= normR0 * Math.min(Math.pow(normR0, theta), kappa)) {
                break;
            }
            double zrOld = zr;
            zr = m.inner(x, r, r);
            double beta = zr / zrOld;
            mdelta = m.tangent(x, m.lincomb(x, 1, r, beta, mdelta));
            ePd = beta * (ePd + alpha * dPd);
            dPd = zr + beta * beta * dPd;
        }
        return new Outcome<>(eta, hessEta, j, false);
    }
}
