package org.riemopt.cli;

import java.io.PrintWriter;

/**
 * Progress of a batch of trials on stderr, so that stdout keeps only the result: a bar redrawn in place
 * ({@link ProgressStyle#LIVE}), a line per finished trial ({@link ProgressStyle#LINES}), or nothing.
 */
final class Progress {

    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final String command;
    private final int total;
    private final ProgressStyle style;
    private final long began = System.nanoTime();
    private int done;

    Progress(PrintWriter err, String command, int total, ProgressStyle style) {
        this.err = err;
        this.command = command;
        this.total = total;
        this.style = style;
    }

    /** Records a finished trial, described by {@code what}. */
    void finished(String what) {
        done++;
        double seconds = (System.nanoTime() - began) * 1e-9;
        if (style == ProgressStyle.LINES) {
            err.printf("riemopt %s: %d/%d (%.1f s) %s%n", command, done, total, seconds, what);
        } else if (style == ProgressStyle.LIVE) {
            int filled = WIDTH * done / total;
            err.printf("\r[%s%s] %d/%d trials, %.0f s", "#".repeat(filled), " ".repeat(WIDTH - filled), done, total,
                    seconds);
            if (done == total) {
                err.println();
            }
        }
        err.flush();
    }
}
