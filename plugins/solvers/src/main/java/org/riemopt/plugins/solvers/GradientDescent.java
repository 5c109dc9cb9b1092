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
 * Riemannian steepest descent with Armijo backtracking (Absil, Mahony, Sepulchre, <i>Optimization Algorithms on
 * Matrix Manifolds</i>, 2008, Alg. 1): along {@code −grad f(x)}, the step {@code t} is halved until
 * {@code f(R_x(−t·grad)) ≤ f(x) − c·t·‖grad‖²} ({@link ArmijoLineSearch}). The first trial step of an iteration is
 * twice the last accepted one (the first ever is {@code initialStep}), so the method adapts to the problem's scale.
 *
 * <p>Iteration records carry {@code stepLength} ({@code t}) and {@code backtracks}. Besides the shared stopping
 * rules, it stops when no step of length {@code ≥ minStepLength} gives sufficient decrease.
 */
public final class GradientDescent implements Solver {

    /**
     * @param stopping   shared stopping options
     * @param lineSearch the Armijo line search ({@link ArmijoLineSearch#DEFAULTS})
     */
    public record Options(SolverOptions stopping, ArmijoLineSearch lineSearch) {
        /** Defaults. */
        public static final Options DEFAULTS = new Options(SolverOptions.DEFAULTS, ArmijoLineSearch.DEFAULTS);
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
    public <P, T> Result<P> solve(Objective<P, T> problem, P start, RunMonitor<P> monitor) {
        return SolverLoop.run(name(), new State<>(problem, start, options.lineSearch()),
                options.stopping().stoppingCriterion().or(options.lineSearch().failed()), monitor);
    }

    /** One steepest-descent iteration with Armijo backtracking, also used by {@code perturbed-gd}. */
    static final class Descent {
        private final ArmijoLineSearch lineSearch;
        private double lastStep;

        Descent(ArmijoLineSearch lineSearch) {
            this.lineSearch = lineSearch;
            this.lastStep = lineSearch.initialStep() / 2;
        }

        /** Searches along {@code −grad} from twice the last accepted step length. */
        <P, T> ArmijoLineSearch.Outcome<P> search(Objective<P, T> problem, P x, double fx, T gradient,
                                                  double gradientNorm) {
            T direction = problem.manifold().lincomb(x, -1, gradient, 0, gradient);
            ArmijoLineSearch.Outcome<P> o = lineSearch.search(problem, x, fx, direction,
                    -gradientNorm * gradientNorm, 2 * lastStep);
            if (o.found()) {
                lastStep = o.stepLength();
            }
            return o;
        }
    }

    private static final class State<P, T> extends IterateState<P, T> {
        private final Descent descent;

        State(Objective<P, T> problem, P start, ArmijoLineSearch lineSearch) {
            super(problem, start);
            this.descent = new Descent(lineSearch);
        }

        @Override
        public Map<String, Object> initialStatistics() {
            return statistics(Double.NaN, 0);
        }

        @Override
        public Step step() {
            ArmijoLineSearch.Outcome<P> o = descent.search(problem, point(), cost(), gradient(), gradientNorm());
            if (!o.found()) {
                return new Step(0, statistics(o.stepLength(), o.backtracks()));
            }
            double stepNorm = o.stepLength() * gradientNorm();
            moveTo(o.point(), o.cost());
            return new Step(stepNorm, statistics(o.stepLength(), o.backtracks()));
        }

        private static Map<String, Object> statistics(double stepLength, int backtracks) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("stepLength", stepLength);
            s.put("backtracks", backtracks);
            return s;
        }
    }
}
