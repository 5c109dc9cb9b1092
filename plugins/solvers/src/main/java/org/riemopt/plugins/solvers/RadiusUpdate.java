package org.riemopt.plugins.solvers;

import java.util.Locale;

/**
 * How {@link TrustRegions} changes the radius Δ after a step η of norm {@code ‖η‖} (in the region's norm, {@code Δ}
 * itself when tCG stopped on the boundary) with ratio ρ.
 */
public enum RadiusUpdate {

    /**
     * Manopt's rule (Absil, Baker, Gallivan 2007, Alg. 1): ÷4 when the step is rejected or ρ < ¼; ×2, capped at Δ̄,
     * when ρ > ¾ and the step reached the boundary; unchanged otherwise. An interior step never grows Δ nor brings it
     * down to the step, so a radius far above the steps being taken is only brought down by one rejection per factor
     * of 4.
     */
    MANOPT,

    /**
     * The radius follows the step, as in Moré's trust-region Levenberg–Marquardt (Moré, "The Levenberg–Marquardt
     * algorithm: implementation and theory", LNM 630, 1978, §4; MINPACK): ¼·min(Δ, ‖η‖) when the step is rejected or
     * ρ < ¼; 2‖η‖, capped at Δ̄, when ρ > ¾; unchanged otherwise. For a step on the boundary it is Manopt's rule.
     * After interior steps it keeps Δ within a factor of two of the steps actually taken, so when the model fails
     * (as it does along the degenerate directions of an over-parameterized minimum) one rejection is enough to
     * bring the radius below the failed step. A step of norm 0 or NaN (a zero gradient, a tCG stopped by round-off
     * at once, a NaN product) says nothing about the scale, and gets Manopt's rule, so the radius never becomes 0 or
     * NaN.
     */
    STEP;

    /** The radius after a step of norm {@code stepNorm} with ratio {@code rho}. */
    double next(double radius, double maxRadius, double stepNorm, double rho, boolean accepted,
                boolean limitedByRadius) {
        boolean followStep = this == STEP && stepNorm > 0;
        if (!accepted || rho < 0.25 || Double.isNaN(rho)) {
            return followStep ? Math.min(radius, stepNorm) / 4 : radius / 4;
        }
        if (rho > 0.75 && (followStep || limitedByRadius)) {
            return Math.min(2 * (followStep ? stepNorm : radius), maxRadius);
        }
        return radius;
    }

    /** The name used in specs: {@code manopt} or {@code step}. */
    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
