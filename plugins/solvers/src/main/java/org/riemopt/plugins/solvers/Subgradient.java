package org.riemopt.plugins.solvers;

import java.util.LinkedHashMap;
import java.util.Map;

import org.riemopt.problem.Objective;
import org.riemopt.solver.IterateState;
import org.riemopt.solver.Result;
import org.riemopt.solver.RunMonitor;
import org.riemopt.solver.Solver;
import org.riemopt.solver.SolverLoop;
import org.riemopt.solver.SolverOptions;

/**
 * The Riemannian subgradient method with geometrically decaying steps (Davis, Drusvyatskiy, MacPhee, Paquette,
 * "Subgradient methods for sharp weakly convex functions", JOTA 179, 2018, Alg. 1 with {@code λ_k = λ₀·q^k}; on
 * manifolds, Li, Chen, Deng, Qu, Zhu, So, "Weakly convex optimization over Stiefel manifold using Riemannian
 * subgradient-type methods", SIOPT 2021): {@code x_{k+1} = R_{x_k}(−η_k·v_k/‖v_k‖)} with
 * {@code η_k = stepSize·decay^k} and {@code v_k} the objective's Riemannian gradient, a Clarke subgradient for
 * {@code l1}. With small random initialization it is the method of robust low-rank recovery studied in seed 001's
 * line of work (Ma, Fattahi, "Global convergence of sub-gradient method for robust matrix recovery: small
 * initialization, noisy measurements, and over-parameterization", JMLR 24, 2023).
 *
 * <p>Normalized steps (default, Davis et al.) move by exactly {@code η_k}, so {@code stepSize} is a distance; with
 * {@code normalized: false} the step is {@code −η_k·v_k}. A zero subgradient makes no move. The method is not a
 * descent method, so it returns the <b>best</b> iterate seen (lowest cost), not the last, as is customary for
 * subgradient methods; records carry {@code stepLength} ({@code η_k}) and {@code bestCost}. The shared
 * {@code gradientTolerance} applies to the subgradient's norm, which rarely becomes small at a nonsmooth minimum:
 * end a run with {@code maxIterations}, {@code minStepSize} or {@code costStallTolerance}.
 */
public final class Subgradient implements Solver {

    /**
     * @param stopping   shared stopping options
     * @param stepSize   {@code η₀}, default 0.1 (a distance when normalized)
     * @param decay      geometric factor {@code q ∈ (0, 1]}, default 0.95
     * @param normalized whether the subgradient is normalized, default true
     */
    public record Options(SolverOptions stopping, double stepSize, double decay, boolean normalized) {

        /** The defaults. */
        public static final Options DEFAULTS = new Options(SolverOptions.DEFAULTS, 0.1, 0.95, true);

        /** Checks the values. */
        public Options {
            if (!(stepSize > 0) || Double.isInfinite(stepSize)) {
                throw new IllegalArgumentException("stepSize must be finite and > 0, got " + stepSize);
            }
            if (!(decay > 0 && decay <= 1)) {
                throw new IllegalArgumentException("decay must be in (0, 1], got " + decay);
            }
        }
    }

    private final Options options;

    /** A solver with these options. */
    public Subgradient(Options options) {
        this.options = options;
    }

    @Override
    public String name() {
        return "subgradient";
    }

    @Override
    public <P, T> Result<P> solve(Objective<P, T> problem, P start, RunMonitor<P> monitor) {
        State<P, T> state = new State<>(problem, start, options);
        Result<P> last = SolverLoop.run(name(), state, options.stopping().stoppingCriterion(), monitor);
        return new Result<>(last.solver(), state.best, state.bestCost, state.bestGradientNorm, last.iterations(),
                last.timeSeconds(), last.stopReason(), last.trace());
    }

    private static final class State<P, T> extends IterateState<P, T> {
        private final Options options;
        private double eta;
        P best;
        double bestCost;
        double bestGradientNorm;

        State(Objective<P, T> problem, P start, Options options) {
            super(problem, start);
            this.options = options;
            this.eta = options.stepSize();
            // The start is the best so far even when its cost is not finite: the loop then stops at once.
            this.best = start;
            this.bestCost = cost();
            this.bestGradientNorm = gradientNorm();
        }

        @Override
        public Map<String, Object> initialStatistics() {
            return statistics(Double.NaN);
        }

        @Override
        public Step step() {
            double g = gradientNorm();
            double t = g == 0 ? 0 : options.normalized() ? eta / g : eta;
            P next = manifold.retract(point(), gradient(), -t);
            moveTo(next, problem.cost(next));
            if (cost() < bestCost) {
                best = point();
                bestCost = cost();
                bestGradientNorm = gradientNorm();
            }
            Step step = new Step(t * g, statistics(eta));
            eta *= options.decay();
            return step;
        }

        private Map<String, Object> statistics(double stepLength) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("stepLength", stepLength);
            s.put("bestCost", bestCost);
            return s;
        }
    }
}
