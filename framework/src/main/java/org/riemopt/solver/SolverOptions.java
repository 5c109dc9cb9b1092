package org.riemopt.solver;

import java.util.ArrayList;
import java.util.List;

/**
 * The stopping options every solver shares. Defaults are Manopt's where Manopt has the rule:
 * {@code maxIterations = 1000}, {@code gradientTolerance = 1e-6}, no cost tolerance ({@code -∞}), no time limit
 * ({@code +∞}); the cost-stall and step-size rules are off by default ({@code costStallTolerance = 0},
 * {@code minStepSize = 0}; Manopt's {@code minstepsize} is 1e-10, but a line-search solver here has its own
 * {@code minStepLength} for that).
 *
 * @param maxIterations      stop after this many iterations (rejected trust-region steps count)
 * @param gradientTolerance  stop when the Riemannian gradient norm is strictly below this
 * @param costTolerance      stop when the cost is at most this
 * @param maxTime            stop after this many seconds
 * @param costStallTolerance stop when the cost's relative decrease over the last {@code costStallWindow}
 *                           iterations, {@code (f_{k−w} − f_k)/max(|f_{k−w}|, 1e-300)}, is at most this; 0 (default)
 *                           is off
 * @param costStallWindow    the window {@code w} of that rule, default 10 iterations
 * @param minStepSize        stop when the norm of the step an iteration took is strictly below this; 0 (default) is
 *                           off
 */
public record SolverOptions(int maxIterations, double gradientTolerance, double costTolerance, double maxTime,
                            double costStallTolerance, int costStallWindow, double minStepSize) {

    /** The defaults. */
    public static final SolverOptions DEFAULTS = new SolverOptions(1000, 1e-6, Double.NEGATIVE_INFINITY,
            Double.POSITIVE_INFINITY, 0, 10, 0);

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
        if (!(costStallTolerance >= 0)) {
            throw new IllegalArgumentException("costStallTolerance must be >= 0 (0: off), got " + costStallTolerance);
        }
        if (costStallWindow < 1) {
            throw new IllegalArgumentException("costStallWindow must be >= 1 iteration, got " + costStallWindow);
        }
        if (!(minStepSize >= 0)) {
            throw new IllegalArgumentException("minStepSize must be >= 0 (0: off), got " + minStepSize);
        }
    }

    /** The four Manopt rules, with the cost-stall and step-size rules off. */
    public SolverOptions(int maxIterations, double gradientTolerance, double costTolerance, double maxTime) {
        this(maxIterations, gradientTolerance, costTolerance, maxTime, 0, 10, 0);
    }

    /** A copy with another iteration limit. */
    public SolverOptions withMaxIterations(int value) {
        return new SolverOptions(value, gradientTolerance, costTolerance, maxTime, costStallTolerance,
                costStallWindow, minStepSize);
    }

    /** A copy with another gradient tolerance. */
    public SolverOptions withGradientTolerance(double value) {
        return new SolverOptions(maxIterations, value, costTolerance, maxTime, costStallTolerance, costStallWindow,
                minStepSize);
    }

    /** A copy with another cost tolerance. */
    public SolverOptions withCostTolerance(double value) {
        return new SolverOptions(maxIterations, gradientTolerance, value, maxTime, costStallTolerance,
                costStallWindow, minStepSize);
    }

    /** A copy with another time limit. */
    public SolverOptions withMaxTime(double value) {
        return new SolverOptions(maxIterations, gradientTolerance, costTolerance, value, costStallTolerance,
                costStallWindow, minStepSize);
    }

    /** A copy with another cost-stall rule. */
    public SolverOptions withCostStall(double tolerance, int window) {
        return new SolverOptions(maxIterations, gradientTolerance, costTolerance, maxTime, tolerance, window,
                minStepSize);
    }

    /** A copy with another minimal step size. */
    public SolverOptions withMinStepSize(double value) {
        return new SolverOptions(maxIterations, gradientTolerance, costTolerance, maxTime, costStallTolerance,
                costStallWindow, value);
    }

    /**
     * The criteria these options define, in Manopt's order (cost, gradient, time, iterations), then the step size
     * and the cost stall. Each call returns fresh criteria: the cost-stall rule remembers the costs of one run.
     */
    public StoppingCriterion stoppingCriterion() {
        List<StoppingCriterion> list = new ArrayList<>();
        list.add(StoppingCriterion.costAtMost(costTolerance));
        list.add(StoppingCriterion.gradientNormBelow(gradientTolerance));
        list.add(StoppingCriterion.timeAtLeast(maxTime));
        list.add(StoppingCriterion.iterationsAtLeast(maxIterations));
        if (minStepSize > 0) {
            list.add(StoppingCriterion.stepSizeBelow(minStepSize));
        }
        if (costStallTolerance > 0) {
            list.add(StoppingCriterion.costStall(costStallTolerance, costStallWindow));
        }
        return StoppingCriterion.anyOf(list);
    }
}
