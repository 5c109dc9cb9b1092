package org.riemopt.plugins.solvers;

import java.util.List;
import java.util.Optional;

import org.riemopt.problem.Objective;
import org.riemopt.solver.StopReason;
import org.riemopt.solver.StoppingCriterion;
import org.riemopt.spi.ParameterSpec;
import org.riemopt.spi.ParameterType;
import org.riemopt.spi.Parameters;

/**
 * Armijo backtracking along a descent direction {@code d} (Absil, Mahony, Sepulchre, <i>Optimization Algorithms on
 * Matrix Manifolds</i>, 2008, Def. 4.2.2 with contraction ½): from a trial step length {@code t}, halve {@code t}
 * until {@code f(R_x(t·d)) ≤ f(x) + c·t·⟨grad f(x), d⟩}, or give up once {@code t < minStepLength}. Shared by
 * {@code gradient-descent}, {@code perturbed-gd}, {@code conjugate-gradient} and {@code precgd}; each records the accepted (or last
 * tried) {@code stepLength} and stops with {@link #failed} when no step gave sufficient decrease.
 *
 * @param initialStep        first trial step length of a run, default 1
 * @param sufficientDecrease Armijo constant {@code c}, default 1e-4 (Manopt's {@code sufficient_decrease})
 * @param minStepLength      give up below this step length, default 1e-10 (as Manopt's {@code minstepsize})
 */
public record ArmijoLineSearch(double initialStep, double sufficientDecrease, double minStepLength) {

    /** The defaults. */
    public static final ArmijoLineSearch DEFAULTS = new ArmijoLineSearch(1, 1e-4, 1e-10);

    /** Checks the values. */
    public ArmijoLineSearch {
        if (!(minStepLength > 0) || !(initialStep >= minStepLength)
                || !(sufficientDecrease > 0 && sufficientDecrease < 1)) {
            throw new IllegalArgumentException("need 0 < minStepLength <= initialStep and 0 < sufficientDecrease "
                    + "< 1; got minStepLength " + minStepLength + ", initialStep " + initialStep
                    + ", sufficientDecrease " + sufficientDecrease);
        }
    }

    /**
     * The outcome of one search.
     *
     * @param point      the accepted point, or {@code null} when none gave sufficient decrease
     * @param cost       its cost
     * @param stepLength the accepted {@code t}, or the last one tried on failure
     * @param backtracks how many times {@code t} was halved
     */
    record Outcome<P>(P point, double cost, double stepLength, int backtracks) {
        /** Whether a step gave sufficient decrease. */
        boolean found() {
            return point != null;
        }
    }

    /**
     * Searches along {@code direction} from {@code x}, starting at {@code trialStep}.
     *
     * @param slope {@code ⟨grad f(x), direction⟩}, negative for a descent direction
     */
    <P, T> Outcome<P> search(Objective<P, T> problem, P x, double fx, T direction, double slope, double trialStep) {
        double t = trialStep;
        int backtracks = 0;
        while (true) {
            P trial = problem.manifold().retract(x, direction, t);
            double fTrial = problem.cost(trial);
            if (fTrial <= fx + sufficientDecrease * t * slope) {
                return new Outcome<>(trial, fTrial, t, backtracks);
            }
            t /= 2;
            backtracks++;
            if (t < minStepLength) {
                return new Outcome<>(null, Double.NaN, t, backtracks);
            }
        }
    }

    /** The stop of a solver whose records carry {@code stepLength}: no step of at least minStepLength was found. */
    StoppingCriterion failed() {
        return r -> r.iteration() > 0 && r.extra().get("stepLength") instanceof Double t && t < minStepLength
                ? Optional.of(new StopReason("minStepLength", "line search found no step longer than minStepLength "
                + minStepLength, false))
                : Optional.empty();
    }

    /** The spec parameters of the line search, with {@link #DEFAULTS}. */
    static List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.optional("initialStep", ParameterType.NUMBER, DEFAULTS.initialStep(),
                        "first trial step length; later ones start from twice the last accepted step"),
                ParameterSpec.optional("sufficientDecrease", ParameterType.NUMBER, DEFAULTS.sufficientDecrease(),
                        "Armijo constant c in f(R(t d)) <= f + c t <grad, d>"),
                ParameterSpec.optional("minStepLength", ParameterType.NUMBER, DEFAULTS.minStepLength(),
                        "stop when backtracking goes below this step length"));
    }

    /** The line search from parameters declared with {@link #parameters()}. */
    static ArmijoLineSearch of(Parameters p) {
        return new ArmijoLineSearch(p.number("initialStep"), p.number("sufficientDecrease"),
                p.number("minStepLength"));
    }
}
