package org.riemopt.cli;

import java.util.function.Function;
import java.util.function.IntConsumer;

import org.riemopt.solver.Cancellation;

import sun.misc.Signal;

/**
 * What Ctrl-C (SIGINT) and SIGTERM do to {@code riemopt}. During a solve that can report a partial result
 * ({@link #during}), the first signal requests that solve's {@link Cancellation}: the solver stops at the end of
 * its iteration with stop reason {@code interrupted}, and the command reports the result and ends with
 * {@link #status()}. A second signal, or a signal at any other time, ends the process at once through the exit
 * action ({@code riemopt: interrupted} on stderr, status 128 + the signal's number: 130 or 143), whose shutdown hooks
 * still delete the plugin runtime's storage.
 *
 * <p>The handlers are installed only by {@link Riemopt#main}: in-process callers ({@link Riemopt#execute}) keep
 * their JVM's own signal handling, and tests call {@link #signal} themselves.
 */
final class Interrupts {

    private static final int SIGNAL_STATUS_BASE = 128;

    private final IntConsumer exit;
    private volatile Cancellation solving;
    private volatile int status;

    /**
     * @param exit after a second signal or one outside a solve: prints {@code riemopt: interrupted} and ends the
     *             process with the given status
     */
    Interrupts(IntConsumer exit) {
        this.exit = exit;
    }

    /** Handles SIGINT and SIGTERM in this JVM with {@code interrupts}. */
    static void install(Interrupts interrupts) {
        for (String name : new String[] {"INT", "TERM"}) {
            Signal.handle(new Signal(name), s -> interrupts.signal("SIG" + s.getName(),
                    SIGNAL_STATUS_BASE + s.getNumber()));
        }
    }

    /**
     * Runs {@code solve} with a cancellation that the first signal requests, so that it ends with a partial
     * result instead of ending the process.
     */
    <R> R during(Function<Cancellation, R> solve) {
        Cancellation cancellation = new Cancellation();
        solving = cancellation;
        try {
            return solve.apply(cancellation);
        } finally {
            solving = null;
        }
    }

    /**
     * A signal arrived: the first one during a solve cancels it, any other ends the process with {@code status}.
     *
     * @param name   the signal's name, for the stop message, e.g. {@code SIGINT}
     * @param status the exit status it means (130 for SIGINT, 143 for SIGTERM)
     */
    synchronized void signal(String name, int status) {
        Cancellation current = solving;
        if (current != null && this.status == 0) {
            this.status = status;
            current.request("interrupted by " + name);
        } else {
            this.status = status;
            exit.accept(status);
        }
    }

    /** The exit status of the signal that interrupted a solve, 0 if none came. */
    int status() {
        return status;
    }
}
