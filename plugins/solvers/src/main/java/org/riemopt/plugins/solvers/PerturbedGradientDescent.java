package org.riemopt.plugins.solvers;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import org.riemopt.problem.Objective;
import org.riemopt.solver.IterateState;
import org.riemopt.solver.Result;
import org.riemopt.solver.RunMonitor;
import org.riemopt.solver.Solver;
import org.riemopt.solver.SolverLoop;
import org.riemopt.solver.SolverOptions;
import org.riemopt.solver.StopReason;
import org.riemopt.solver.StoppingCriterion;

/**
 * Perturbed gradient descent (Jin, Ge, Netrapalli, Kakade, Jordan, "How to escape saddle points efficiently", ICML
 * 2017, Alg. 2) in the Riemannian form of Criscitiello and Boumal ("Efficiently escaping saddle points on
 * manifolds", NeurIPS 2019, PRGD), with the perturbation made on the manifold (retracted) rather than in the
 * tangent space: gradient steps, and whenever {@code ‖grad f(x)‖ ≤ gradientThreshold} and no perturbation was made
 * in the last {@code horizon} iterations, remember the anchor {@code x̃ = x}, move to {@code R_x(ξ)} with {@code ξ}
 * uniform in the tangent ball of radius {@code radius} (the manifold's random unit tangent, a normalized Gaussian on
 * Euclidean and factor spaces, times {@code radius·U^{1/dim}}), and after {@code horizon} more gradient steps test
 * the escape: if the cost has not dropped below {@code f(x̃) − escapeDecrease}, the anchor is an approximate
 * second-order point; the run returns to it and stops with reason {@code secondOrderPoint}. A line search that
 * finds no decrease within the horizon makes the test at once; elsewhere it stops the run ({@code minStepLength}),
 * as in {@code gradient-descent}.
 *
 * <p>A small gradient is where this method perturbs, not where it stops: the shared {@code gradientTolerance} is
 * not one of its rules (it would end the run at a saddle, as it ends gradient descent there); the other shared rules
 * apply. Iterates are reproducible for a given {@code seed}. Iteration records carry {@code perturbed} (whether the
 * iteration was the perturbation, whose step size is {@code ‖ξ‖}) and {@code stepLength} (the gradient step's
 * {@code t}, NaN for a perturbation).
 */
public final class PerturbedGradientDescent implements Solver {

    /** How the gradient steps are sized. */
    public enum StepRule {
        /** A constant {@code stepSize} (Jin et al.'s {@code η = c/ℓ}). */
        CONSTANT,
        /** {@link ArmijoLineSearch} from twice the last accepted step, as {@code gradient-descent}. */
        ARMIJO;

        /** The rule by its spec name, {@code constant} or {@code armijo}. */
        public static StepRule of(String name) {
            return switch (name) {
                case "constant" -> CONSTANT;
                case "armijo" -> ARMIJO;
                default -> throw new IllegalArgumentException("lineSearch: unknown rule '" + name
                        + "'; allowed: constant, armijo");
            };
        }
    }

    /**
     * Options. The thresholds of Jin et al. (Alg. 2) depend on the unknown gradient and Hessian Lipschitz constants
     * {@code ℓ, ρ} and on constants {@code c, χ}; the derived defaults are their formulas {@code r = √c·ε/(χ²ℓ)},
     * {@code t_thres = χℓ/(c²√(ρε))}, {@code f_thres = (c/χ³)·√(ε³/ρ)} with {@code ε = gradientThreshold},
     * {@code ℓ = ρ = c = 1}, and {@code χ = 1} except in {@code t_thres}, where {@code χ = 10} (theirs is a
     * logarithmic factor of at least 4): the horizon must cover {@code log(growth)/(η·|λ_min|)} steps, and with
     * {@code χ = 1} it is too short to leave even the saddle of seed 002's Example 1.3 ({@code λ_min = −0.03}).
     *
     * @param stopping          shared stopping options ({@code gradientTolerance} is not used)
     * @param stepRule          {@code armijo} (default) or {@code constant}
     * @param stepSize          the constant step {@code η}, default 0.1 (used by {@code constant} only)
     * @param lineSearch        the Armijo line search ({@link ArmijoLineSearch#DEFAULTS}; {@code armijo} only)
     * @param gradientThreshold perturb when the gradient norm is at most this ({@code g_thres}), default 1e-3
     * @param radius            perturbation radius {@code r}; NaN (default) means {@code gradientThreshold}
     * @param horizon           gradient steps before the escape test ({@code t_thres}); 0 (default) means
     *                          {@code ⌈10/√gradientThreshold⌉} (317 at the default threshold)
     * @param escapeDecrease    decrease that counts as an escape ({@code f_thres}); NaN (default) means
     *                          {@code gradientThreshold^{3/2}}
     * @param seed              seed of the perturbations, default 0
     */
    public record Options(SolverOptions stopping, StepRule stepRule, double stepSize, ArmijoLineSearch lineSearch,
                          double gradientThreshold, double radius, int horizon, double escapeDecrease, long seed) {

        /** The defaults. */
        public static final Options DEFAULTS = new Options(SolverOptions.DEFAULTS, StepRule.ARMIJO, 0.1,
                ArmijoLineSearch.DEFAULTS, 1e-3, Double.NaN, 0, Double.NaN, 0);

        /** Checks the values. */
        public Options {
            if (!(stepSize > 0) || Double.isInfinite(stepSize)) {
                throw new IllegalArgumentException("stepSize must be finite and > 0, got " + stepSize);
            }
            if (!(gradientThreshold > 0)) {
                throw new IllegalArgumentException("gradientThreshold must be > 0, got " + gradientThreshold);
            }
            if (!Double.isNaN(radius) && !(radius > 0)) {
                throw new IllegalArgumentException("radius must be > 0, got " + radius);
            }
            if (horizon < 0) {
                throw new IllegalArgumentException("horizon must be >= 1 step (0: derived), got " + horizon);
            }
            if (!Double.isNaN(escapeDecrease) && !(escapeDecrease >= 0)) {
                throw new IllegalArgumentException("escapeDecrease must be >= 0, got " + escapeDecrease);
            }
        }

        /** A copy with other stopping options. */
        public Options withStopping(SolverOptions value) {
            return new Options(value, stepRule, stepSize, lineSearch, gradientThreshold, radius, horizon,
                    escapeDecrease, seed);
        }

        double effectiveRadius() {
            return Double.isNaN(radius) ? gradientThreshold : radius;
        }

        int effectiveHorizon() {
            return horizon == 0 ? (int) Math.ceil(10 / Math.sqrt(gradientThreshold)) : horizon;
        }

        double effectiveEscapeDecrease() {
            return Double.isNaN(escapeDecrease) ? Math.pow(gradientThreshold, 1.5) : escapeDecrease;
        }
    }

    private final Options options;

    /** A solver with these options. */
    public PerturbedGradientDescent(Options options) {
        this.options = options;
    }

    @Override
    public String name() {
        return "perturbed-gd";
    }

    @Override
    public <P, T> Result<P> solve(Objective<P, T> problem, P start, RunMonitor<P> monitor) {
        State<P, T> state = new State<>(problem, start, options);
        StoppingCriterion secondOrder = r -> state.escapeFailed
                ? Optional.of(new StopReason("secondOrderPoint", String.format(Locale.ROOT, "gradient norm %.3g <= "
                + "gradientThreshold %.3g and a perturbation of radius %.3g did not decrease the cost by "
                + "escapeDecrease %.3g within %d steps", r.gradientNorm(), options.gradientThreshold(),
                options.effectiveRadius(), options.effectiveEscapeDecrease(), options.effectiveHorizon()), true))
                : Optional.empty();
        StoppingCriterion stop = secondOrder.or(options.stopping().withGradientTolerance(0).stoppingCriterion());
        if (options.stepRule() == StepRule.ARMIJO) {
            stop = stop.or(options.lineSearch().failed());
        }
        return SolverLoop.run(name(), state, stop, monitor);
    }

    private static final class State<P, T> extends IterateState<P, T> {
        private final Options options;
        private final GradientDescent.Descent descent;
        private final SplittableRandom random;
        private final int horizon;
        private int iteration;
        /** The iteration of the last perturbation, or −1. */
        private int perturbedAt = -1;
        private P anchor;
        private double anchorCost;
        private boolean searchFailed;
        boolean escapeFailed;

        State(Objective<P, T> problem, P start, Options options) {
            super(problem, start);
            this.options = options;
            this.descent = new GradientDescent.Descent(options.lineSearch());
            this.random = new SplittableRandom(options.seed());
            this.horizon = options.effectiveHorizon();
        }

        @Override
        public Map<String, Object> initialStatistics() {
            return statistics(false, Double.NaN);
        }

        @Override
        public Step step() {
            iteration++;
            boolean quiet = perturbedAt < 0 || iteration - perturbedAt > horizon;
            if (quiet && gradientNorm() <= options.gradientThreshold()) {
                return perturb();
            }
            Step step = gradientStep();
            // A line search that finds no decrease ends the horizon early: the cost will not drop further.
            if (anchor != null && (iteration - perturbedAt == horizon || searchFailed)) {
                if (cost() > anchorCost - options.effectiveEscapeDecrease()) {
                    escapeFailed = true;
                    moveTo(anchor, anchorCost);
                }
                anchor = null;
            }
            return step;
        }

        /** Jin et al.'s {@code x_t ← x̃_t + ξ_t}, {@code ξ_t} uniform in the ball of radius r, on the manifold. */
        private Step perturb() {
            P x = point();
            double length = options.effectiveRadius() * Math.pow(random.nextDouble(), 1.0 / manifold.dim());
            T xi = manifold.randomTangent(x, random);
            anchor = x;
            anchorCost = cost();
            perturbedAt = iteration;
            P next = manifold.retract(x, xi, length);
            moveTo(next, problem.cost(next));
            return new Step(length, statistics(true, Double.NaN));
        }

        private Step gradientStep() {
            if (options.stepRule() == StepRule.CONSTANT) {
                double stepNorm = options.stepSize() * gradientNorm();
                P next = manifold.retract(point(), gradient(), -options.stepSize());
                moveTo(next, problem.cost(next));
                return new Step(stepNorm, statistics(false, options.stepSize()));
            }
            ArmijoLineSearch.Outcome<P> o = descent.search(problem, point(), cost(), gradient(), gradientNorm());
            searchFailed = !o.found();
            if (searchFailed) {
                return new Step(0, statistics(false, o.stepLength()));
            }
            double stepNorm = o.stepLength() * gradientNorm();
            moveTo(o.point(), o.cost());
            return new Step(stepNorm, statistics(false, o.stepLength()));
        }

        private static Map<String, Object> statistics(boolean perturbed, double stepLength) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("perturbed", perturbed);
            s.put("stepLength", stepLength);
            return s;
        }
    }
}
