package org.riemopt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.riemopt.testbundles.TestBundles;

/**
 * Real signals: {@code riemopt run} in a child JVM, with a plugin directory so that the embedded Felix starts and
 * has storage to remove, interrupted by {@code kill} once its trace has a few rows.
 */
class SignalTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"INT, 130", "TERM, 143"})
    void aSignalStopsTheSolveWithItsPartialResultAndLeavesNoFelixStorage(String signal, int status)
            throws Exception {
        assumeTrue(signal.equals("TERM") || canReceiveSigint(),
                "SIGINT is ignored here (a background job) and cannot be reset for the child");
        Path spec = Files.writeString(dir.resolve("long.yaml"), LongRun.SPEC);
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        TestBundles.lossBundle(plugins, "quadratic.jar", "test.quadratic",
                TestBundles.lossSource("test.quadratic", "quadratic", null, null));
        Path temp = Files.createDirectories(dir.resolve("tmp"));
        // the storage of a riemopt that was killed (its pid no longer alive) is removed at start
        Path stale = Files.createDirectories(temp.resolve("riemopt-felix-" + deadPid() + "-1").resolve("bundle1"))
                .getParent();
        Path trace = dir.resolve("trace.csv");
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");

        List<String> command = new ArrayList<>(resetSigint());
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Djava.io.tmpdir=" + temp, "-cp", System.getProperty("java.class.path"),
                Riemopt.class.getName(), "run", "--json", "--trace", trace.toString(), "--plugins",
                plugins.toString(), spec.toString()));
        Process child = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            LongRun.awaitRows(trace, 3, child.toHandle());
            assertEquals(1, storage(temp).size(), "the running riemopt's Felix storage: " + storage(temp));
            assertFalse(Files.exists(stale), "stale storage removed");
            assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(child.pid())).inheritIO().start()
                    .waitFor());
            assertTrue(child.waitFor(LongRun.PATIENCE_MILLIS, TimeUnit.MILLISECONDS), "the child ended");
        } finally {
            child.destroyForcibly();
        }
        String stderr = Files.readString(err);
        assertEquals(status, child.exitValue(), stderr);
        String json = Files.readString(out).strip();
        assertTrue(json.startsWith("{") && !json.contains("\n"), "one JSON object on stdout: " + json);
        assertTrue(json.contains("\"stopReason\":\"interrupted\""), json);
        assertTrue(json.contains("interrupted by SIG" + signal), json);
        assertTrue(json.contains("\"converged\":false"), json);
        assertTrue(stderr.strip().endsWith("riemopt: interrupted"), stderr);
        assertFalse(stderr.contains("Exception"), stderr);
        LongRun.assertWholeTrace(trace, (int) Cli.number(json, "iterations"));
        assertEquals(List.of(), storage(temp), "no Felix storage left");
    }

    private static List<Path> storage(Path temp) throws IOException {
        try (Stream<Path> files = Files.list(temp)) {
            return files.filter(p -> p.getFileName().toString().startsWith("riemopt-felix")).toList();
        }
    }

    /** The pid of a process that has ended. */
    private static long deadPid() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    /**
     * A prefix that starts the child with SIGINT at its default: a job started in the background by a shell without
     * job control ignores SIGINT, its children inherit that, and a JVM leaves an ignored SIGINT ignored. GNU env
     * resets it; without it, none.
     */
    private static List<String> resetSigint() throws InterruptedException {
        try {
            return new ProcessBuilder("env", "--default-signal=INT", "true").start().waitFor() == 0
                    ? List.of("env", "--default-signal=INT") : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Whether a child started with {@link #resetSigint()} receives SIGINT: reset, or not ignored here. */
    private static boolean canReceiveSigint() throws IOException, InterruptedException {
        if (!resetSigint().isEmpty()) {
            return true;
        }
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return true;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseLong(line.substring(7).strip(), 16) & (1L << 1)) == 0;
            }
        }
        return true;
    }
}
