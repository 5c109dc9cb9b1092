package org.riemopt.plugins.solvers;

import java.util.ArrayList;
import java.util.List;

import org.riemopt.manifolds.ScaledPreconditioner;
import org.riemopt.solver.Solver;
import org.riemopt.spi.ParameterSpec;
import org.riemopt.spi.ParameterType;
import org.riemopt.spi.Parameters;
import org.riemopt.spi.SolverProvider;

/** Spec name {@code trust-regions}: {@link TrustRegions} with {@link TrustRegionOptions}. */
public final class TrustRegionsProvider implements SolverProvider {

    @Override
    public String name() {
        return "trust-regions";
    }

    @Override
    public String description() {
        return "Riemannian trust-region with truncated CG (Absil-Baker-Gallivan 2007), at parity with Manopt";
    }

    @Override
    public List<ParameterSpec> parameters() {
        TrustRegionOptions d = TrustRegionOptions.DEFAULTS;
        List<ParameterSpec> list = new ArrayList<>(SolverProvider.stoppingParameters());
        list.add(ParameterSpec.optional("maxRadius", ParameterType.NUMBER, d.maxRadius(),
                "largest trust-region radius; absent: the manifold's typicalDist"));
        list.add(ParameterSpec.optional("initialRadius", ParameterType.NUMBER, d.initialRadius(),
                "initial radius; absent: maxRadius / 8"));
        list.add(ParameterSpec.optional("rhoPrime", ParameterType.NUMBER, d.rhoPrime(),
                "accept a step iff rho > rhoPrime (must be < 1/4)"));
        list.add(ParameterSpec.optional("rhoRegularization", ParameterType.NUMBER, d.rhoRegularization(),
                "round-off guard added to both terms of rho, in units of eps*max(1,|f|)"));
        list.add(ParameterSpec.optional("kappa", ParameterType.NUMBER, d.kappa(), "tCG linear residual target"));
        list.add(ParameterSpec.optional("theta", ParameterType.NUMBER, d.theta(), "tCG superlinear exponent"));
        list.add(ParameterSpec.optional("minInner", ParameterType.INTEGER, d.minInner(),
                "tCG iterations before the residual test applies"));
        list.add(ParameterSpec.optional("maxInner", ParameterType.INTEGER, d.maxInner(),
                "tCG iteration limit; 0: the manifold's dimension"));
        list.add(ParameterSpec.optional("minIterations", ParameterType.INTEGER, d.minIterations(),
                "outer iterations before any stopping rule is honoured"));
        list.add(ParameterSpec.optional("preconditioner", ParameterType.STRING, "none",
                "none, or scaled: tCG preconditioned by xi (X^T X + eta I)^-1 on the factors of the xxt or uvt lift"));
        list.addAll(ScaledPreconditioning.parameters());
        list.add(ParameterSpec.optional("radiusUpdate", ParameterType.STRING, d.radiusUpdate().specName(),
                "manopt (Manopt's radius rules), or step: the radius follows the step (More 1978), "
                        + "fewer rejections on over-parameterized problems"));
        return list;
    }

    @Override
    public Solver create(Parameters p) {
        ScaledPreconditioner.Damping preconditioner = switch (p.string("preconditioner")) {
            case "none" -> null;
            case "scaled" -> ScaledPreconditioning.damping(p);
            default -> throw new IllegalArgumentException("preconditioner must be none or scaled, got '"
                    + p.string("preconditioner") + "'");
        };
        RadiusUpdate radiusUpdate = switch (p.string("radiusUpdate")) {
            case "manopt" -> RadiusUpdate.MANOPT;
            case "step" -> RadiusUpdate.STEP;
            default -> throw new IllegalArgumentException("radiusUpdate must be manopt or step, got '"
                    + p.string("radiusUpdate") + "'");
        };
        return new TrustRegions(new TrustRegionOptions(SolverProvider.stoppingOptions(p), p.number("maxRadius"),
                p.number("initialRadius"), p.number("rhoPrime"), p.number("rhoRegularization"), p.number("kappa"),
                p.number("theta"), p.integer("minInner"), p.integer("maxInner"), p.integer("minIterations"),
                preconditioner, radiusUpdate));
    }
}
