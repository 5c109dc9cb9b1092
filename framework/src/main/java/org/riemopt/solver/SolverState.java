package org.riemopt.solver;

import java.util.Map;

/**
 * A solver's state between iterations, driven by {@link SolverLoop}.
 *
 * @param <P> point type
 */
public interface SolverState<P> {

    /** The current iterate. */
    P point();

    /** Cost at the current iterate. */
    double cost();

    /** Riemannian gradient norm at the current iterate. */
    double gradientNorm();

    /** The solver's own statistics for the initial point, with the same keys as {@link Step#extra()}. */
    Map<String, Object> initialStatistics();

    /** Performs one iteration and reports it. */
    Step step();

    /**
     * What one iteration did.
     *
     * @param stepSize norm of the step taken, or proposed when a trust-region step is rejected (as Manopt records it)
     * @param extra    the solver's own statistics
     */
    record Step(double stepSize, Map<String, Object> extra) {
    }
}
