package org.riemopt.cli;

/**
 * How a command shows its progress on stderr (stdout never carries it), from the global {@code --quiet} and
 * {@code --verbose} options and whether riemopt runs in a terminal.
 */
enum ProgressStyle {

    /** Nothing: {@code --quiet}, or not in a terminal. */
    NONE,
    /** One line redrawn in place, in a terminal: a progress bar, or the current iteration of a solve. */
    LIVE,
    /** A line per unit of work, terminal or not ({@code --verbose}). */
    LINES;

    static ProgressStyle of(boolean quiet, boolean verbose) {
        if (verbose) {
            return LINES;
        }
        // System.console() is there only when the JVM runs attached to a terminal
        return !quiet && System.console() != null ? LIVE : NONE;
    }
}
