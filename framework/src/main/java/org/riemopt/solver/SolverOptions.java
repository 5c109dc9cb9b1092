package org.riemopt.solver;

import java.util.ArrayList;
import java.util.List;

/**
 * The stopping options every solver shares. Defaults are Manopt's: {@code maxIterations = 1000},
 * {@code gradientTolerance = 1e-6}, no cost tolerance ({@code -∞}), no time limit ({@code +∞}).
 *
 * @param maxIterations     stop after this many iterations (rejected trust-region steps count)
 * @param gradientTolerance stop when the Riemannian gradient norm is strictly below this
 * @param costTolerance     stop when the cost is at most this
 * @param maxTime           stop after this many seconds
 */
public record SolverOptions(int maxIterations, double gradientTolerance, double costTolerance, double maxTime) {

    /** Manopt's defaults. */
    public static final SolverOptions DEFAULTS = new SolverOptions(1000, 1e-6, Double.NEGATIVE_INFINITY,
            Double.POSITIVE_INFINITY);

    /** Validates the values. */
    public SolverOptions {
        if (maxIterations < 0) {
            throw new IllegalArgumentException("maxIterations must be >= 0, got " + maxIterations);
        }
        if (Double.isNaN(gradientTolerance) || gradientTolerance < 0) {
            throw new IllegalArgumentException("gradientTolerance must be >= 0, got " + gradientTolerance);
        }
        if (Double.isNaN(costTolerance)) {
            throw new IllegalArgumentException("costTolerance must be a number");
        }
        if (Double.isNaN(maxTime) || maxTime <= 0) {
            throw new IllegalArgumentException("maxTime must be > 0 seconds, got " + maxTime);
        }
    }

    /** A copy with another iteration limit. */
    public SolverOptions withMaxIterations(int value) {
        return new SolverOptions(value, gradientTolerance, costTolerance, maxTime);
    }

    /** A copy with another gradient tolerance. */
    public SolverOptions withGradientTolerance(double value) {
        return new SolverOptions(maxIterations, value, costTolerance, maxTime);
    }

    /** A copy with another cost tolerance. */
    public SolverOptions withCostTolerance(double value) {
        return new SolverOptions(maxIterations, gradientTolerance, value, maxTime);
    }

    /** A copy with another time limit. */
    public SolverOptions withMaxTime(double value) {
        return new SolverOptions(maxIterations, gradientTolerance, costTolerance, value);
    }

    /** The criteria these options define, in Manopt's order: cost, gradient, time, iterations. */
    public StoppingCriterion stoppingCriterion() {
        List<StoppingCriterion> list = new ArrayList<>();
        list.add(StoppingCriterion.costAtMost(costTolerance));
        list.add(StoppingCriterion.gradientNormBelow(gradientTolerance));
        list.add(StoppingCriterion.timeAtLeast(maxTime));
        list.add(StoppingCriterion.iterationsAtLeast(maxIterations));
        return StoppingCriterion.anyOf(list);
    }
}
