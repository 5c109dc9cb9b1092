package org.riemopt.solver;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One iteration of a solver run: the common fields every solver reports and the solver's own statistics (for
 * trust-regions: {@code innerIterations, radius, rho, accepted, limitedByRadius}) in a fixed order.
 *
 * @param iteration    0 for the initial point
 * @param cost         cost at the iterate after this iteration
 * @param gradientNorm Riemannian gradient norm there
 * @param timeSeconds  wall-clock seconds since the run started
 * @param stepSize     norm of the step ({@code NaN} at iteration 0; see {@link SolverState.Step})
 * @param extra        the solver's own statistics, by name, in the order they are reported
 */
public record IterationRecord(int iteration, double cost, double gradientNorm, double timeSeconds, double stepSize,
                              Map<String, Object> extra) {

    /** Copies {@code extra} into an unmodifiable map that keeps its order. */
    public IterationRecord {
        extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }
}
