package org.riemopt.cli;

import java.io.PrintWriter;
import java.util.function.Consumer;

import org.riemopt.solver.IterationRecord;

/**
 * The progress of solves on stderr, as a listener of their records: iteration, cost, gradient norm and time.
 * {@link ProgressStyle#LIVE} redraws one line in place once the work has lasted a second (a short run shows
 * nothing) and at most ten times a second (a terminal that draws every iteration slows a fast solver down), and
 * {@link #finish()} erases it, so that the result printed next starts on a clean line; {@link ProgressStyle#LINES}
 * prints every iteration on a line of its own.
 */
final class IterationProgress implements Consumer<IterationRecord> {

    private static final long DELAY_NANOS = 1_000_000_000L;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final ProgressStyle style;
    private final long began = System.nanoTime();
    private String phase;
    private long drawnAt;
    private int shown;

    /**
     * @param phase what is running, the start of each line, e.g. {@code "run"}
     */
    IterationProgress(PrintWriter err, ProgressStyle style, String phase) {
        this.err = err;
        this.style = style;
        this.phase = phase;
    }

    /** Names what runs from now on, e.g. {@code "bench solve 3/20"}. */
    void phase(String next) {
        phase = next;
    }

    @Override
    public void accept(IterationRecord r) {
        if (style == ProgressStyle.LINES) {
            err.println("riemopt " + describe(r));
            err.flush();
        } else if (style == ProgressStyle.LIVE) {
            long now = System.nanoTime();
            if (now - began >= DELAY_NANOS && now - drawnAt >= REDRAW_NANOS) {
                String line = describe(r);
                err.print("\r" + line + " ".repeat(Math.max(0, shown - line.length())));
                err.flush();
                shown = Math.max(shown, line.length());
                drawnAt = now;
            }
        }
    }

    /** Erases the live line, if one is shown. */
    void finish() {
        if (shown > 0) {
            err.print("\r" + " ".repeat(shown) + "\r");
            err.flush();
            shown = 0;
        }
    }

    private String describe(IterationRecord r) {
        return String.format("%s: iteration %d, cost %.4e, gradient norm %.2e, %.1f s", phase, r.iteration(),
                r.cost(), r.gradientNorm(), r.timeSeconds());
    }
}
