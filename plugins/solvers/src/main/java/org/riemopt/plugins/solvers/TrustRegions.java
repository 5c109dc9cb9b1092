package org.riemopt.plugins.solvers;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.riemopt.problem.Objective;
import org.riemopt.problem.Preconditioner;
import org.riemopt.solver.IterateState;
import org.riemopt.solver.Result;
import org.riemopt.solver.RunMonitor;
import org.riemopt.solver.Solver;
import org.riemopt.solver.SolverLoop;
import org.riemopt.solver.StoppingCriterion;

/**
 * The Riemannian trust-region method with truncated CG (Absil, Baker, Gallivan, "Trust-region methods on Riemannian
 * manifolds", FoCM 7, 2007), at parity with Manopt's {@code trustregions} (Manopt 8): the same defaults, ratio
 * {@code ρ} with regularization, acceptance ({@code ρ > ρ'} and the model decreased), radius rules (÷4 on rejection
 * or {@code ρ < ¼}; ×2 capped at Δ̄ when {@code ρ > ¾} and tCG stopped on the boundary), and inner stopping tests,
 * so that on the same instance it takes the same iterations.
 *
 * <p>With {@link TrustRegionOptions#preconditioner()} set, tCG is preconditioned as Manopt's with {@code precon}
 * (the region is then a ball of the norm {@code ‖η‖_{P⁻¹}}, see {@link TruncatedCG}) by the scaled metric
 * {@code P(ξ) = ξ(XᵀX + ηI)⁻¹} of PrecGD (Zhang, Fattahi, Zhang, NeurIPS 2021): the model's Hessian, degenerate
 * at an over-parameterized minimum, becomes well conditioned in that metric, and tCG needs few inner iterations.
 *
 * <p>Iteration records carry {@code innerIterations, radius} (after the update), {@code rho}, {@code accepted} and
 * {@code limitedByRadius}. Rejected steps count as iterations. The last iterate is returned, not the best.
 */
public final class TrustRegions implements Solver {

    private final TrustRegionOptions options;

    /** A solver with these options. */
    public TrustRegions(TrustRegionOptions options) {
        this.options = options;
    }

    @Override
    public String name() {
        return "trust-regions";
    }

    @Override
    public <P, T> Result<P> solve(Objective<P, T> problem, P start, RunMonitor<P> monitor) {
        problem.hessianUnavailable().ifPresent(reason -> {
            throw new IllegalArgumentException("trust-regions needs the Hessian, but " + reason);
        });
        Preconditioner<P, T> preconditioner = options.preconditioner() == null ? TruncatedCG.none()
                : ScaledPreconditioning.of(problem, options.preconditioner(), name());
        State<P, T> state = new State<>(problem, start, options, preconditioner);
        StoppingCriterion stop = options.stopping().stoppingCriterion();
        StoppingCriterion honoured = record -> record.iteration() < options.minIterations() ? Optional.empty()
                : stop.check(record);
        return SolverLoop.run(name(), state, honoured, monitor);
    }

    private static final class State<P, T> extends IterateState<P, T> {
        private final TrustRegionOptions options;
        private final Preconditioner<P, T> preconditioner;
        private final double maxRadius;
        private final int maxInner;
        private double radius;

        State(Objective<P, T> problem, P start, TrustRegionOptions options, Preconditioner<P, T> preconditioner) {
            super(problem, start);
            this.options = options;
            this.preconditioner = preconditioner;
            this.maxRadius = Double.isNaN(options.maxRadius()) ? manifold.typicalDist() : options.maxRadius();
            this.radius = Double.isNaN(options.initialRadius()) ? maxRadius / 8 : options.initialRadius();
            if (radius > maxRadius) {
                throw new IllegalArgumentException("initialRadius " + radius + " exceeds maxRadius " + maxRadius);
            }
            this.maxInner = options.maxInner() == 0 ? manifold.dim() : options.maxInner();
        }

        @Override
        public Map<String, Object> initialStatistics() {
            return statistics(0, radius, Double.POSITIVE_INFINITY, true, false);
        }

        @Override
        public Step step() {
            P x = point();
            double fx = cost();
            TruncatedCG.Outcome<T> tcg = TruncatedCG.solve(problem, x, gradient(), radius, options.kappa(),
                    options.theta(), options.minInner(), maxInner, preconditioner);
            T eta = tcg.eta();
            double stepNorm = manifold.norm(x, eta);
            P proposal = manifold.retract(x, eta, 1.0);
            double fProposal = problem.cost(proposal);

            double rhoNum = fx - fProposal;
            double rhoDen = -manifold.inner(x, eta, manifold.lincomb(x, 1, gradient(), 0.5, tcg.hessEta()));
            // Round-off guard (Manopt): near convergence both terms are at the level of eps·|f|.
            double regularization = Math.max(1, Math.abs(fx)) * Math.ulp(1.0) * options.rhoRegularization();
            rhoNum += regularization;
            rhoDen += regularization;
            double rho = rhoNum / rhoDen;
            boolean modelDecreased = rhoDen >= 0;
            boolean accepted = modelDecreased && rho > options.rhoPrime();

            if (accepted) {
                moveTo(proposal, fProposal);
            }
            radius = options.radiusUpdate().next(radius, maxRadius, tcg.regionNorm(), rho, accepted,
                    tcg.limitedByRadius());
            return new Step(stepNorm, statistics(tcg.innerIterations(), radius, rho, accepted,
                    tcg.limitedByRadius()));
        }

        private static Map<String, Object> statistics(int inner, double radius, double rho, boolean accepted,
                                                      boolean limited) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("innerIterations", inner);
            s.put("radius", radius);
            s.put("rho", rho);
            s.put("accepted", accepted);
            s.put("limitedByRadius", limited);
            return s;
        }
    }
}
