package org.riemopt.solver;

import java.util.Optional;

/**
 * A request, made from any thread, that a run stop at the end of its current iteration: the framework's side of an
 * interrupt. The framework never handles signals itself; a host that does (the {@code riemopt} command line on
 * Ctrl-C or SIGTERM), a GUI's stop button or a toolchain's timeout calls {@link #request(String)}, and a run that
 * has this criterion in its {@link RunMonitor} ({@code monitor.withStop(cancellation)}) stops after the record of
 * the iteration in progress, with stop reason {@link StopReason#INTERRUPTED} (not converged) and the iterate it
 * reached, its trace complete up to there. A request made before the run starts stops it at iteration 0.
 *
 * <p>Thread-safe; one request is final (a cancellation cannot be withdrawn), so use a new one per run that may be
 * cancelled on its own.
 */
public final class Cancellation implements StoppingCriterion {

    /** Why the stop was requested; null until it is. */
    private volatile String cause;

    /**
     * Asks the run to stop at the end of its current iteration; later requests keep the first cause.
     *
     * @param cause a few words for the stop message, e.g. {@code "interrupted by SIGINT"}
     */
    public void request(String cause) {
        synchronized (this) {
            if (this.cause == null) {
                this.cause = cause;
            }
        }
    }

    /** Whether a stop was requested. */
    public boolean isRequested() {
        return cause != null;
    }

    @Override
    public Optional<StopReason> check(IterationRecord record) {
        String why = cause;
        return why == null ? Optional.empty() : Optional.of(new StopReason(StopReason.INTERRUPTED,
                why + "; stopped after iteration " + record.iteration(), false));
    }
}
