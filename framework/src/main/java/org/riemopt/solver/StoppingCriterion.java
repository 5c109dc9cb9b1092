package org.riemopt.solver;

import java.util.ArrayList;
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
