package org.riemopt.plugins.solvers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.riemopt.problem.Objective;
import org.riemopt.solver.IterateState;
import org.riemopt.solver.IterationRecord;
import org.riemopt.solver.Result;
import org.riemopt.solver.Solver;
import org.riemopt.solver.SolverLoop;
import org.riemopt.solver.SolverOptions;
import org.riemopt.solver.StopReason;
import org.riemopt.solver.StoppingCriterion;

/**
 * Riemannian steepest descent with Armijo backtracking (Absil, Mahony, Sepulchre, <i>Optimization Algorithms on
 * Matrix Manifolds</i>, 2008, Alg. 1): along {@code −grad f(x)}, the step {@code t} is halved until
 * {@code f(R_x(−t·grad)) ≤ f(x) − c·t·‖grad‖²}. The first trial step of an iteration is twice the last accepted one
 * (the first ever is {@code initialStep}), so the method adapts to the problem's scale.
 *
 * <p>Iteration records carry {@code stepLength} ({@code t}) and {@code backtracks}. Besides the shared stopping
 * rules, it stops when no step of length {@code ≥ minStepLength} gives sufficient decrease.
 */
public final class GradientDescent implements Solver {

    /**
     * @param stopping          shared stopping options
     * @param initialStep       first trial step length, default 1
     * @param sufficientDecrease Armijo constant {@code c}, default 1e-4
     * @param minStepLength     stop when backtracking goes below this, default 1e-10 (as Manopt's minstepsize)
     */
    public record Options(SolverOptions stopping, double initialStep, double sufficientDecrease,
                          double minStepLength) {
        /** Defaults. */
        public static final Options DEFAULTS = new Options(SolverOptions.DEFAULTS, 1, 1e-4, 1e-10);

        /** Checks the values. */
        public Options {
            if (!(minStepLength > 0) || !(initialStep >= minStepLength)
                    || !(sufficientDecrease > 0 && sufficientDecrease < 1)) {
                throw new IllegalArgumentException("need 0 < minStepLength <= initialStep and 0 < sufficientDecrease "
                        + "< 1; got minStepLength " + minStepLength + ", initialStep " + initialStep
                        + ", sufficientDecrease " + sufficientDecrease);
            }
        }
    }

    private final Options options;

    /** A solver with these options. */
    public GradientDescent(Options options) {
        this.options = options;
    }

    @Override
    public String name() {
        return "gradient-descent";
    }

    @Override
    public <P, T> Result<P> solve(Objective<P, T> problem, P start, List<Consumer<IterationRecord>> listeners) {
        StoppingCriterion lineSearchFailed = r -> r.iteration() > 0
                && (double) r.extra().get("stepLength") < options.minStepLength()
                ? Optional.of(new StopReason("minStepLength", "line search found no step longer than minStepLength "
                + options.minStepLength(), false))
                : Optional.empty();
        return SolverLoop.run(name(), new State<>(problem, start, options),
                options.stopping().stoppingCriterion().or(lineSearchFailed), listeners);
    }

    private static final class State<P, T> extends IterateState<P, T> {
        private final Options options;
        private double lastStep;

        State(Objective<P, T> problem, P start, Options options) {
            super(problem, start);
            this.options = options;
            this.lastStep = options.initialStep() / 2;
        }

        @Override
        public Map<String, Object> initialStatistics() {
            return statistics(Double.NaN, 0);
        }

        @Override
        public Step step() {
            double t = 2 * lastStep;
            int backtracks = 0;
            double slope = gradientNorm() * gradientNorm();
            while (true) {
                P trial = manifold.retract(point(), gradient(), -t);
                double fTrial = problem.cost(trial);
                if (fTrial <= cost() - options.sufficientDecrease() * t * slope) {
                    double stepNorm = t * gradientNorm();
                    moveTo(trial, fTrial);
                    lastStep = t;
                    return new Step(stepNorm, statistics(t, backtracks));
                }
                t /= 2;
                backtracks++;
                if (t < options.minStepLength()) {
                    return new Step(0, statistics(t, backtracks));
                }
            }
        }

        private static Map<String, Object> statistics(double stepLength, int backtracks) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("stepLength", stepLength);
            s.put("backtracks", backtracks);
            return s;
        }
    }
}
