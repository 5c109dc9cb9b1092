package org.riemopt.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The options of commands that run many trials: how many, and on how many threads. */
final class TrialOptions {

    @Option(names = "--trials", paramLabel = "N", defaultValue = "10",
            description = "trials per solver or grid point; trial t uses the spec's seed + t (default: ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--threads", paramLabel = "T", defaultValue = "1",
            description = "trials run at once, on a fixed pool of T threads; results do not depend on T "
                    + "(default: ${DEFAULT-VALUE})")
    int threads;

    /** Rejects counts below 1. */
    void check(CommandLine commandLine) {
        if (count < 1) {
            throw new ParameterException(commandLine, "--trials " + count + ": give at least 1 trial");
        }
        if (threads < 1) {
            throw new ParameterException(commandLine, "--threads " + threads + ": give at least 1 thread");
        }
    }
}
