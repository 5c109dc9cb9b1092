package org.riemopt.solver;

/**
 * Why a run stopped.
 *
 * @param criterion   the rule that fired, e.g. {@code "costTolerance"}
 * @param message     a sentence with the figures, e.g. {@code "cost 8.1e-11 <= costTolerance 1e-10"}
 * @param converged   whether the rule indicates convergence (tolerances do; budgets do not)
 */
public record StopReason(String criterion, String message, boolean converged) {

    /** The criterion of a run stopped by a non-finite cost or gradient (a numerical failure, not a result). */
    public static final String NON_FINITE = "nonFinite";

    /** The criterion of a run stopped by a {@link Cancellation} (an interrupt: the caller's request, not a result). */
    public static final String INTERRUPTED = "interrupted";
}
