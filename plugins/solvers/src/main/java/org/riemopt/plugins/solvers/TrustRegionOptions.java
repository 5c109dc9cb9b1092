package org.riemopt.plugins.solvers;

import org.riemopt.manifolds.ScaledPreconditioner;
import org.riemopt.solver.SolverOptions;

/**
 * Options of {@link TrustRegions}, with Manopt's {@code trustregions} defaults (Manopt 8):
 *
 * @param stopping          the shared stopping options ({@link SolverOptions#DEFAULTS})
 * @param maxRadius         Δ̄; {@code NaN} (default) means the manifold's {@code typicalDist}
 * @param initialRadius     Δ₀; {@code NaN} (default) means Δ̄/8
 * @param rhoPrime          acceptance threshold ρ', default 0.1; a step is accepted iff ρ > ρ' (strict)
 * @param rhoRegularization default 1e3: both terms of ρ get {@code max(1,|f|)·eps·rhoRegularization} added
 * @param kappa             tCG linear residual target κ, default 0.1
 * @param theta             tCG superlinear exponent θ, default 1
 * @param minInner          tCG iterations before the κ/θ test applies, default 1
 * @param maxInner          tCG iteration limit; 0 (default) means the manifold's dimension
 * @param minIterations     outer iterations before any stopping rule is honoured, default 0
 * @param preconditioner    {@code null} (default) for none, as Manopt without {@code precon}; else tCG is
 *                          preconditioned by the scaled metric {@code ξ ↦ ξ(XᵀX + ηI)⁻¹} of the problem's factors
 *                          ({@link ScaledPreconditioner}) with this damping
 * @param radiusUpdate      how the radius changes after a step, default {@link RadiusUpdate#MANOPT}
 */
public record TrustRegionOptions(SolverOptions stopping, double maxRadius, double initialRadius, double rhoPrime,
                                 double rhoRegularization, double kappa, double theta, int minInner, int maxInner,
                                 int minIterations, ScaledPreconditioner.Damping preconditioner,
                                 RadiusUpdate radiusUpdate) {

    /** Manopt's defaults. */
    public static final TrustRegionOptions DEFAULTS = new TrustRegionOptions(SolverOptions.DEFAULTS, Double.NaN,
            Double.NaN, 0.1, 1e3, 0.1, 1.0, 1, 0, 0, null, RadiusUpdate.MANOPT);

    /** Checks the values, with Manopt's assertions. */
    public TrustRegionOptions {
        if (!(rhoPrime < 0.25)) {
            throw new IllegalArgumentException("rhoPrime must be < 1/4, got " + rhoPrime);
        }
        if (!Double.isNaN(maxRadius) && !(maxRadius > 0)) {
            throw new IllegalArgumentException("maxRadius must be > 0, got " + maxRadius);
        }
        if (!Double.isNaN(initialRadius) && !(initialRadius > 0)) {
            throw new IllegalArgumentException("initialRadius must be > 0, got " + initialRadius);
        }
        if (!(kappa > 0 && kappa < 1)) {
            throw new IllegalArgumentException("kappa must be in (0, 1), got " + kappa);
        }
        if (!(theta >= 0)) {
            throw new IllegalArgumentException("theta must be >= 0, got " + theta);
        }
        if (minInner < 0 || maxInner < 0 || minIterations < 0) {
            throw new IllegalArgumentException("minInner, maxInner and minIterations must be >= 0");
        }
        if (radiusUpdate == null) {
            throw new IllegalArgumentException("radiusUpdate must be given (RadiusUpdate.MANOPT by default)");
        }
    }

    /** A copy with other stopping options. */
    public TrustRegionOptions withStopping(SolverOptions value) {
        return new TrustRegionOptions(value, maxRadius, initialRadius, rhoPrime, rhoRegularization, kappa, theta,
                minInner, maxInner, minIterations, preconditioner, radiusUpdate);
    }

    /** A copy with the scaled preconditioner of this damping, or none for {@code null}. */
    public TrustRegionOptions withPreconditioner(ScaledPreconditioner.Damping value) {
        return new TrustRegionOptions(stopping, maxRadius, initialRadius, rhoPrime, rhoRegularization, kappa, theta,
                minInner, maxInner, minIterations, value, radiusUpdate);
    }

    /** A copy with this radius rule. */
    public TrustRegionOptions withRadiusUpdate(RadiusUpdate value) {
        return new TrustRegionOptions(stopping, maxRadius, initialRadius, rhoPrime, rhoRegularization, kappa, theta,
                minInner, maxInner, minIterations, preconditioner, value);
    }
}
