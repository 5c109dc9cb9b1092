package org.riemopt.solver;

import java.util.List;

/**
 * The outcome of a solver run: the last iterate (as Manopt, not the best one, unless the solver documents otherwise:
 * {@code subgradient} returns the best), or the last finite one when the run stopped on a non-finite value; why the
 * run stopped, and the trace.
 *
 * @param solver       the solver's name
 * @param point        the returned iterate
 * @param cost         its cost
 * @param gradientNorm its Riemannian gradient norm
 * @param iterations   iterations done
 * @param timeSeconds  wall-clock time of the run
 * @param stopReason   the rule that ended the run
 * @param trace        one record per iteration, iteration 0 first
 * @param <P>          point type
 */
public record Result<P>(String solver, P point, double cost, double gradientNorm, int iterations, double timeSeconds,
                        StopReason stopReason, List<IterationRecord> trace) {

    /** Makes the trace unmodifiable. */
    public Result {
        trace = List.copyOf(trace);
    }
}
