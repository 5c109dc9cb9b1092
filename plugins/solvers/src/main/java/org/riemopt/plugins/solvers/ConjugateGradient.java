package org.riemopt.plugins.solvers;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.riemopt.problem.Objective;
import org.riemopt.solver.IterateState;
import org.riemopt.solver.Result;
import org.riemopt.solver.RunMonitor;
import org.riemopt.solver.Solver;
import org.riemopt.solver.SolverLoop;
import org.riemopt.solver.SolverOptions;

/**
 * Riemannian nonlinear conjugate gradient (Absil, Mahony, Sepulchre 2008, §8.3; Sato, <i>Riemannian Optimization and
 * Its Applications</i>, 2021, Alg. 4.1) with Manopt's {@code conjugategradient} defaults: the direction
 * {@code d_{k+1} = −g_{k+1} + β_k·T(d_k)}, with {@code T} the manifold's {@code transport} from {@code x_k} to
 * {@code x_{k+1}} (also applied to {@code g_k}), and {@code β} by one of
 * <ul>
 *   <li>{@code hestenes-stiefel} (default, as Manopt): {@code β = max(0, ⟨g₊, y⟩/⟨y, T(d)⟩)}, {@code y = g₊ − T(g)};</li>
 *   <li>{@code fletcher-reeves}: {@code β = ‖g₊‖²/‖g‖²};</li>
 *   <li>{@code polak-ribiere}: {@code β = max(0, ⟨g₊, y⟩/‖g‖²)};</li>
 *   <li>{@code hager-zhang} (Hager, Zhang, SIOPT 16, 2005): {@code β = (⟨y, g₊⟩ − 2‖y‖²⟨T(d), g₊⟩/⟨y, T(d)⟩)/⟨y, T(d)⟩},
 *       bounded below by their {@code −1/(‖T(d)‖·min(0.01, ‖g‖))} instead of 0.</li>
 * </ul>
 * Restarts (β = 0), as Manopt: when {@code |⟨T(g), g₊⟩|/‖g₊‖² ≥ orthoTolerance} (Powell's test, Manopt's
 * {@code orth_value}, default ∞: off), when β is not finite (a zero denominator), and when {@code d_{k+1}} is not a
 * descent direction ({@code ⟨g₊, d_{k+1}⟩ ≥ 0}: reset to {@code −g₊}).
 *
 * <p>The step is the {@link ArmijoLineSearch} along {@code d}. Manopt's default {@code linesearch_adaptive} remembers
 * its last step; here, more simply, the first trial is {@code initialStep} (along {@code −g}, as
 * {@code gradient-descent}), and each later one makes a step twice as long as the last accepted step. Records carry
 * {@code stepLength, backtracks, beta} (the β used, 0 after a restart). The last iterate is returned.
 */
public final class ConjugateGradient implements Solver {

    /** The β rule. */
    public enum BetaRule {
        /** Hestenes–Stiefel+, Manopt's default. */
        HESTENES_STIEFEL,
        /** Fletcher–Reeves. */
        FLETCHER_REEVES,
        /** Polak–Ribière+. */
        POLAK_RIBIERE,
        /** Hager–Zhang with their lower bound. */
        HAGER_ZHANG;

        /** The rule by its spec name, e.g. {@code hestenes-stiefel}. */
        public static BetaRule of(String name) {
            for (BetaRule r : values()) {
                if (r.specName().equals(name)) {
                    return r;
                }
            }
            throw new IllegalArgumentException("beta: unknown rule '" + name + "'; allowed: hestenes-stiefel, "
                    + "fletcher-reeves, polak-ribiere, hager-zhang");
        }

        /** The spec name. */
        public String specName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * @param stopping       shared stopping options
     * @param lineSearch     the Armijo line search ({@link ArmijoLineSearch#DEFAULTS})
     * @param beta           the β rule, default Hestenes–Stiefel (Manopt's {@code beta_type = 'H-S'})
     * @param orthoTolerance restart when {@code |⟨T(g), g₊⟩|/‖g₊‖²} reaches this; default ∞ (Manopt's
     *                       {@code orth_value}: off)
     */
    public record Options(SolverOptions stopping, ArmijoLineSearch lineSearch, BetaRule beta, double orthoTolerance) {

        /** Manopt's defaults. */
        public static final Options DEFAULTS = new Options(SolverOptions.DEFAULTS, ArmijoLineSearch.DEFAULTS,
                BetaRule.HESTENES_STIEFEL, Double.POSITIVE_INFINITY);

        /** Checks the values. */
        public Options {
            if (!(orthoTolerance > 0)) {
                throw new IllegalArgumentException("orthoTolerance must be > 0 (infinite: off), got "
                        + orthoTolerance);
            }
        }

        /** A copy with other stopping options. */
        public Options withStopping(SolverOptions value) {
            return new Options(value, lineSearch, beta, orthoTolerance);
        }
    }

    private final Options options;

    /** A solver with these options. */
    public ConjugateGradient(Options options) {
        this.options = options;
    }

    @Override
    public String name() {
        return "conjugate-gradient";
    }

    @Override
    public <P, T> Result<P> solve(Objective<P, T> problem, P start, RunMonitor<P> monitor) {
        return SolverLoop.run(name(), new State<>(problem, start, options),
                options.stopping().stoppingCriterion().or(options.lineSearch().failed()), monitor);
    }

    private static final class State<P, T> extends IterateState<P, T> {
        private final Options options;
        private T direction;
        /** The length of the last accepted step, or NaN before the first. */
        private double lastStepNorm = Double.NaN;

        State(Objective<P, T> problem, P start, Options options) {
            super(problem, start);
            this.options = options;
            this.direction = manifold.lincomb(start, -1, gradient(), 0, gradient());
        }

        @Override
        public Map<String, Object> initialStatistics() {
            return statistics(Double.NaN, 0, 0);
        }

        @Override
        public Step step() {
            P x = point();
            T g = gradient();
            double gg = gradientNorm() * gradientNorm();
            double directionNorm = manifold.norm(x, direction);
            double trial = Double.isNaN(lastStepNorm) ? options.lineSearch().initialStep()
                    : 2 * lastStepNorm / directionNorm;
            ArmijoLineSearch.Outcome<P> o = options.lineSearch().search(problem, x, cost(), direction,
                    manifold.inner(x, g, direction), trial);
            if (!o.found()) {
                return new Step(0, statistics(o.stepLength(), o.backtracks(), Double.NaN));
            }
            lastStepNorm = o.stepLength() * directionNorm;
            moveTo(o.point(), o.cost());
            P next = point();
            T gNext = gradient();
            T dT = manifold.transport(x, next, direction);
            T gT = manifold.transport(x, next, g);
            double beta = beta(next, gNext, gT, dT, gg);
            T candidate = manifold.lincomb(next, -1, gNext, beta, dT);
            if (manifold.inner(next, gNext, candidate) >= 0) {
                beta = 0;
                candidate = manifold.lincomb(next, -1, gNext, 0, gNext);
            }
            direction = candidate;
            return new Step(lastStepNorm, statistics(o.stepLength(), o.backtracks(), beta));
        }

        /** β for the new gradient {@code g₊} at {@code y}, given the transported old gradient and direction. */
        private double beta(P y, T gNext, T gT, T dT, double gg) {
            double ggNext = gradientNorm() * gradientNorm();
            if (Math.abs(manifold.inner(y, gT, gNext)) / ggNext >= options.orthoTolerance()) {
                return 0;
            }
            T diff = manifold.lincomb(y, 1, gNext, -1, gT);
            double beta = switch (options.beta()) {
                case FLETCHER_REEVES -> ggNext / gg;
                case POLAK_RIBIERE -> Math.max(0, manifold.inner(y, gNext, diff) / gg);
                case HESTENES_STIEFEL -> Math.max(0, manifold.inner(y, gNext, diff) / manifold.inner(y, diff, dT));
                case HAGER_ZHANG -> {
                    double denominator = manifold.inner(y, diff, dT);
                    double numerator = manifold.inner(y, diff, gNext) - 2 * manifold.inner(y, diff, diff)
                            * manifold.inner(y, dT, gNext) / denominator;
                    double floor = -1 / (manifold.norm(y, dT) * Math.min(0.01, Math.sqrt(gg)));
                    yield Math.max(numerator / denominator, floor);
                }
            };
            // A zero denominator (no change of gradient along the step) restarts rather than poisoning d.
            return Double.isFinite(beta) ? beta : 0;
        }

        private static Map<String, Object> statistics(double stepLength, int backtracks, double beta) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("stepLength", stepLength);
            s.put("backtracks", backtracks);
            s.put("beta", beta);
            return s;
        }
    }
}
