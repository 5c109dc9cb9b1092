package org.riemopt.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A rule that decides from the latest {@link IterationRecord} whether a run stops, and says why. Criteria compose
 * with {@link #or}, checked in order, first match wins (Manopt checks cost, gradient, time, iterations in that order).
 */
@FunctionalInterface
public interface StoppingCriterion {

    /** The reason to stop after {@code record}, or empty to go on. */
    Optional<StopReason> check(IterationRecord record);

    /** This criterion, then {@code other}. */
    default StoppingCriterion or(StoppingCriterion other) {
        StoppingCriterion self = this;
        return record -> {
            Optional<StopReason> first = self.check(record);
            return first.isPresent() ? first : other.check(record);
        };
    }

    /** Stops once the cost is at most {@code tolerance} (Manopt's {@code tolcost}). */
    static StoppingCriterion costAtMost(double tolerance) {
        return r -> r.cost() <= tolerance
                ? Optional.of(new StopReason("costTolerance",
                String.format("cost %.3g <= costTolerance %.3g", r.cost(), tolerance), true))
                : Optional.empty();
    }

    /** Stops once the gradient norm is strictly below {@code tolerance} (Manopt's {@code tolgradnorm}). */
    static StoppingCriterion gradientNormBelow(double tolerance) {
        return r -> r.gradientNorm() < tolerance
                ? Optional.of(new StopReason("gradientTolerance",
                String.format("gradient norm %.3g < gradientTolerance %.3g", r.gradientNorm(), tolerance), true))
                : Optional.empty();
    }

    /** Stops once {@code seconds} of wall-clock time have passed. */
    static StoppingCriterion timeAtLeast(double seconds) {
        return r -> r.timeSeconds() >= seconds
                ? Optional.of(new StopReason("maxTime",
                String.format("time %.3g s >= maxTime %.3g s", r.timeSeconds(), seconds), false))
                : Optional.empty();
    }

    /** Stops once {@code iterations} iterations have been done. */
    static StoppingCriterion iterationsAtLeast(int iterations) {
        return r -> r.iteration() >= iterations
                ? Optional.of(new StopReason("maxIterations",
                "reached maxIterations " + iterations, false))
                : Optional.empty();
    }

    /**
     * Stops once an iteration's step norm ({@link IterationRecord#stepSize()}) is strictly below {@code minimum}
     * (Manopt's {@code minstepsize}); never at iteration 0, which has no step.
     */
    static StoppingCriterion stepSizeBelow(double minimum) {
        return r -> r.iteration() > 0 && r.stepSize() < minimum
                ? Optional.of(new StopReason("minStepSize",
                String.format("step size %.3g < minStepSize %.3g", r.stepSize(), minimum), false))
                : Optional.empty();
    }

    /**
     * Stops once the cost's relative decrease over the last {@code window} iterations,
     * {@code (f_{k−w} − f_k)/max(|f_{k−w}|, 1e-300)}, is at most {@code tolerance} (an increase counts as no
     * decrease). Stateful: it keeps the last {@code window + 1} costs of one run, so make one per run. Not counted
     * as convergence: a stalled cost says nothing about the gradient.
     */
    static StoppingCriterion costStall(double tolerance, int window) {
        double[] costs = new double[window + 1];
        int[] seen = new int[window + 1];
        Arrays.fill(seen, -1);
        return r -> {
            int k = r.iteration();
            costs[k % (window + 1)] = r.cost();
            seen[k % (window + 1)] = k;
            // Only a cost this criterion saw itself counts (a wrapper may skip early iterations).
            if (k < window || seen[(k - window) % (window + 1)] != k - window) {
                return Optional.empty();
            }
            double old = costs[(k - window) % (window + 1)];
            double decrease = (old - r.cost()) / Math.max(Math.abs(old), 1e-300);
            return decrease <= tolerance
                    ? Optional.of(new StopReason("costStall", String.format("relative cost decrease %.3g over %d "
                    + "iterations <= costStallTolerance %.3g", decrease, window, tolerance), false))
                    : Optional.empty();
        };
    }

    /** The criteria in order. */
    static StoppingCriterion anyOf(List<StoppingCriterion> criteria) {
        List<StoppingCriterion> copy = new ArrayList<>(criteria);
        return r -> {
            for (StoppingCriterion c : copy) {
                Optional<StopReason> reason = c.check(r);
                if (reason.isPresent()) {
                    return reason;
                }
            }
            return Optional.empty();
        };
    }
}
