package org.riemopt.plugins.solvers;

import java.util.LinkedHashMap;
import java.util.Map;

import org.riemopt.manifolds.ScaledPreconditioner;
import org.riemopt.manifolds.ScaledPreconditioner.Damping;
import org.riemopt.problem.Objective;
import org.riemopt.problem.Preconditioner;
import org.riemopt.solver.IterateState;
import org.riemopt.solver.Result;
import org.riemopt.solver.RunMonitor;
import org.riemopt.solver.Solver;
import org.riemopt.solver.SolverLoop;
import org.riemopt.solver.SolverOptions;
import org.riemopt.solver.StoppingCriterion;

/**
 * Preconditioned gradient descent, PrecGD (Zhang, Fattahi, Zhang, "Preconditioned gradient descent for
 * over-parameterized nonconvex matrix factorization", NeurIPS 2021, §3; JMLR 24, 2023):
 * {@code X_{k+1} = X_k − α·∇f(X_k)(X_kᵀX_k + η_k I)⁻¹} with the damping {@code η_k = c·√f(X_k)}; on the factor
 * space {@code (U, V)} of the {@code uvt} lift, the damped ScaledGD step
 * {@code U ← U − α∇_U f (VᵀV + ηI)⁻¹, V ← V − α∇_V f (UᵀU + ηI)⁻¹} (Tong, Ma, Chi, JMLR 22, 2021, for η = 0). The
 * preconditioner is {@link ScaledPreconditioner}. Gradient descent slows to a sublinear rate when the search rank
 * exceeds the true one, because the factor becomes singular at the solution; the damped preconditioner restores a
 * linear rate, independent of the over-parameterization and of the truth's condition number (the paper's Theorem
 * on noiseless sensing under RIP).
 *
 * <p>The step {@code α} is either fixed ({@code stepSize}) or found by Armijo backtracking in the preconditioned
 * metric: {@code f(X − t·PΔ) ≤ f(X) − c·t·⟨∇f, P∇f⟩} with {@code PΔ = ∇f(XᵀX + ηI)⁻¹}. The first trial of an
 * iteration is the step accepted last (the first ever is {@code initialStep}): the preconditioned curvature is
 * nearly constant, so most iterations accept at once and take one pass over the operator.
 *
 * <p>Iteration records carry {@code stepLength}, {@code backtracks} and {@code damping} (η). The run stops by the
 * shared rules, or when backtracking goes below {@code minStepLength}.
 */
public final class PreconditionedGradientDescent implements Solver {

    /**
     * @param stopping   shared stopping options
     * @param damping    the damping rule of the preconditioner, default {@link Damping#AUTO} ({@code η = √f(x)})
     * @param stepSize   a fixed step {@code α > 0}, or {@code NaN} (default) for Armijo backtracking
     * @param lineSearch the Armijo line search when {@code stepSize} is {@code NaN} ({@link ArmijoLineSearch#DEFAULTS})
     */
    public record Options(SolverOptions stopping, Damping damping, double stepSize, ArmijoLineSearch lineSearch) {

        /** The defaults. */
        public static final Options DEFAULTS = new Options(SolverOptions.DEFAULTS, Damping.AUTO, Double.NaN,
                ArmijoLineSearch.DEFAULTS);

        /** Checks the step size. */
        public Options {
            if (!(Double.isNaN(stepSize) || stepSize > 0)) {
                throw new IllegalArgumentException("stepSize must be > 0 (or absent for Armijo), got " + stepSize);
            }
        }

        /** A copy with other stopping options. */
        public Options withStopping(SolverOptions value) {
            return new Options(value, damping, stepSize, lineSearch);
        }

        /** A copy with a fixed step size, or Armijo backtracking for {@code NaN}. */
        public Options withStepSize(double value) {
            return new Options(stopping, damping, value, lineSearch);
        }

        /** A copy with another damping rule. */
        public Options withDamping(Damping value) {
            return new Options(stopping, value, stepSize, lineSearch);
        }
    }

    private final Options options;

    /** A solver with these options. */
    public PreconditionedGradientDescent(Options options) {
        this.options = options;
    }

    @Override
    public String name() {
        return "precgd";
    }

    @Override
    public <P, T> Result<P> solve(Objective<P, T> problem, P start, RunMonitor<P> monitor) {
        Preconditioner<P, T> preconditioner = ScaledPreconditioning.of(problem, options.damping(), name());
        StoppingCriterion stop = options.stopping().stoppingCriterion();
        if (Double.isNaN(options.stepSize())) {
            stop = stop.or(options.lineSearch().failed());
        }
        return SolverLoop.run(name(), new State<>(problem, start, preconditioner, options), stop, monitor);
    }

    private static final class State<P, T> extends IterateState<P, T> {
        private final Preconditioner<P, T> preconditioner;
        private final Options options;
        private double trialStep;

        State(Objective<P, T> problem, P start, Preconditioner<P, T> preconditioner, Options options) {
            super(problem, start);
            this.preconditioner = preconditioner;
            this.options = options;
            this.trialStep = options.lineSearch().initialStep();
        }

        @Override
        public Map<String, Object> initialStatistics() {
            return statistics(Double.NaN, 0);
        }

        @Override
        public Step step() {
            P x = point();
            if (gradientNorm() == 0) {
                // Stationary (reachable with gradientTolerance 0); at f = 0 the undamped Gram matrix may be singular.
                return new Step(0, statistics(0, 0));
            }
            T preconditioned = preconditioner.at(x).apply(gradient());
            T direction = manifold.lincomb(x, -1, preconditioned, 0, preconditioned);
            if (!Double.isNaN(options.stepSize())) {
                P next = manifold.retract(x, direction, options.stepSize());
                moveTo(next, problem.cost(next));
                return new Step(options.stepSize() * manifold.norm(x, preconditioned),
                        statistics(options.stepSize(), 0));
            }
            double slope = -manifold.inner(x, gradient(), preconditioned);
            ArmijoLineSearch.Outcome<P> o = options.lineSearch().search(problem, x, cost(), direction, slope,
                    trialStep);
            if (!o.found()) {
                return new Step(0, statistics(o.stepLength(), o.backtracks()));
            }
            trialStep = o.stepLength();
            double stepNorm = o.stepLength() * manifold.norm(x, preconditioned);
            moveTo(o.point(), o.cost());
            return new Step(stepNorm, statistics(o.stepLength(), o.backtracks()));
        }

        private Map<String, Object> statistics(double stepLength, int backtracks) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("stepLength", stepLength);
            s.put("backtracks", backtracks);
            s.put("damping", options.damping().at(cost()));
            return s;
        }
    }
}
