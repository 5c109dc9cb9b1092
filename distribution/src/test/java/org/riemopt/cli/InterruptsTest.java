package org.riemopt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a signal does to riemopt, in-process: the signals are delivered by calling {@link Interrupts#signal}. */
class InterruptsTest {

    @TempDir
    Path dir;

    /** The statuses the interrupts ended the process with (here only recorded). */
    private final List<Integer> exits = new CopyOnWriteArrayList<>();

    @Test
    void aSignalOutsideASolveEndsTheProcessWithItsStatus() {
        Interrupts interrupts = new Interrupts(exits::add);
        assertEquals("done", interrupts.during(cancellation -> "done"));
        interrupts.signal("SIGTERM", 143);
        assertEquals(List.of(143), exits);
        assertEquals(143, interrupts.status());
    }

    @Test
    void theFirstSignalDuringASolveCancelsItAndTheSecondEndsTheProcess() {
        Interrupts interrupts = new Interrupts(exits::add);
        boolean[] requested = new boolean[2];
        interrupts.during(cancellation -> {
            interrupts.signal("SIGINT", 130);
            requested[0] = cancellation.isRequested();
            assertEquals(List.of(), exits, "the first signal does not end the process");
            interrupts.signal("SIGINT", 130);
            requested[1] = cancellation.isRequested();
            return null;
        });
        assertTrue(requested[0] && requested[1]);
        assertEquals(List.of(130), exits);
        assertEquals(130, interrupts.status());
    }

    /**
     * Runs {@code riemopt run} on the long spec with a trace, delivers {@code signal} once the trace has
     * {@code rows} rows, and returns what the run printed and its status.
     */
    private Cli.Run interrupted(Path trace, int rows, String signal, int signalStatus, String... options)
            throws Exception {
        Path spec = Files.writeString(dir.resolve("long.yaml"), LongRun.SPEC);
        List<String> args = new ArrayList<>(List.of("run", spec.toString(), "--trace", trace.toString()));
        args.addAll(List.of(options));
        Interrupts interrupts = new Interrupts(exits::add);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> status = thread.submit(() -> Riemopt.execute(args.toArray(String[]::new),
                    new PrintWriter(out), new PrintWriter(err), Map.of(), interrupts));
            LongRun.awaitRows(trace, rows, null);
            interrupts.signal(signal, signalStatus);
            int code = status.get(LongRun.PATIENCE_MILLIS, TimeUnit.MILLISECONDS);
            assertEquals(List.of(), exits, "one signal during the solve does not end the process");
            return new Cli.Run(code, out.toString(), err.toString());
        } finally {
            thread.shutdownNow();
        }
    }

    @Test
    void anInterruptedRunPrintsItsPartialResultFinishesTheTraceAndExits130() throws Exception {
        Path trace = dir.resolve("trace.csv");
        Cli.Run r = interrupted(trace, 3, "SIGINT", 130, "--json");
        assertEquals(130, r.status(), r.err());
        String json = r.out().strip();
        assertFalse(json.contains("\n"), "one JSON object: " + json);
        assertTrue(json.contains("\"stopReason\":\"interrupted\""), json);
        assertTrue(json.contains("\"stopMessage\":\"interrupted by SIGINT; stopped after iteration "), json);
        assertTrue(json.contains("\"converged\":false"), json);
        assertTrue(json.contains("\"relativeError\":"), "the same fields as a finished run: " + json);
        assertEquals("riemopt: interrupted", r.err().strip());
        int iterations = (int) Cli.number(json, "iterations");
        assertTrue(iterations >= 3, json);
        LongRun.assertWholeTrace(trace, iterations);
    }

    @Test
    void anInterruptedRunPrintsTheTextSummaryWithTheStopReasonAndExits143OnSigterm() throws Exception {
        Cli.Run r = interrupted(dir.resolve("trace.csv"), 1, "SIGTERM", 143);
        assertEquals(143, r.status(), r.err());
        assertTrue(r.out().contains("  stopped:        interrupted (interrupted by SIGTERM; stopped after "
                + "iteration "), r.out());
        assertTrue(r.out().contains("  relative error: "), r.out());
        assertEquals("riemopt: interrupted", r.err().strip());
    }
}
