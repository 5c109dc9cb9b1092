package org.riemopt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.riemopt.cli.Cli.riemopt;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riemopt.linalg.SymmetricPacking;

/**
 * The global {@code --quiet} and {@code --verbose} options. The tests do not run in a terminal, so the live line
 * never shows here; {@code --verbose} prints whatever stderr is.
 */
class ProgressOptionsTest {

    /** The demo: trust-regions on symmetric Gaussian sensing, n = 100, search rank 3, 420 measurements. */
    private static final Path DEMO = Cli.EXAMPLES.resolve("gaussian-sensing.yaml");

    @TempDir
    Path dir;

    @Test
    void verbosePrintsEveryIterationOfARunOnStderrAndNothingOnStdoutButTheResult() {
        Cli.Run r = riemopt("run", DEMO.toString(), "--json", "--verbose");
        assertEquals(0, r.status(), r.err());
        int iterations = (int) Cli.number(r.out(), "iterations");
        List<String> lines = r.err().lines().toList();
        assertEquals(iterations + 1, lines.size(), r.err());
        for (int k = 0; k <= iterations; k++) {
            assertTrue(lines.get(k).startsWith("riemopt run: iteration " + k + ", cost "), lines.get(k));
            assertTrue(lines.get(k).contains(", gradient norm "), lines.get(k));
        }
        assertFalse(r.out().strip().contains("\n"), "stdout is the JSON object only: " + r.out());
    }

    @Test
    void verboseIsGlobalAndGivesCompareALinePerTrial() {
        Cli.Run r = riemopt("--verbose", "compare", DEMO.toString(), "--trials", "2", "--out",
                dir.resolve("out").toString(), "--json");
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.err().lines().toList();
        assertEquals(2, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith("riemopt compare: 1/2 "), lines.get(0));
    }

    @Test
    void quietShowsNothingAndQuietWithVerboseIsAUsageError() {
        Cli.Run quiet = riemopt("run", DEMO.toString(), "--quiet");
        assertEquals(0, quiet.status(), quiet.err());
        assertEquals("", quiet.err());
        for (String command : List.of("run", "check", "plugins")) {
            Cli.Run both = command.equals("plugins") ? riemopt(command, "--quiet", "--verbose")
                    : riemopt(command, DEMO.toString(), "--quiet", "--verbose");
            assertEquals(2, both.status(), command);
            assertEquals("", both.out(), command);
            assertTrue(both.err().startsWith("riemopt: --quiet and --verbose contradict each other; give at most one"),
                    command + ": " + both.err());
        }
    }

    @Test
    void benchJsonIsOneObjectWithTheFiguresTheTextShows() {
        Cli.Run r = riemopt("bench", DEMO.toString(), "--repeat", "2", "--json");
        assertEquals(0, r.status(), r.err());
        String json = r.out().strip();
        assertTrue(json.startsWith("{") && json.endsWith("}") && !json.contains("\n"), json);
        assertEquals(420, Cli.number(json, "measurements"));
        assertEquals(100, Cli.number(json, "rows"));
        assertEquals(420 * SymmetricPacking.length(100) * Double.BYTES, Cli.number(json, "operatorBytes"),
                "420 symmetric 100 x 100 matrices, packed");
        assertEquals(2, Cli.number(json, "repeat"));
        double seconds = Cli.number(json, "newPointSeconds");
        assertTrue(seconds > 0, json);
        assertEquals(Cli.number(json, "operatorBytes") / seconds / 1e9, Cli.number(json, "newPointBandwidthGBps"),
                1e-9 * Cli.number(json, "newPointBandwidthGBps"));
        for (String key : List.of("firstHessianProductSeconds", "hessianProductSeconds", "solveSeconds")) {
            assertTrue(Cli.number(json, key) > 0, key + " in " + json);
        }
        assertEquals("", r.err());
        // the timed solve is the spec's solve, as run makes it
        Cli.Run run = riemopt("run", DEMO.toString(), "--json");
        assertEquals(Cli.number(run.out(), "iterations"), Cli.number(json, "iterations"));
        for (String field : List.of("\"solver\":\"trust-regions\"", "\"stopReason\":\"costTolerance\"")) {
            assertTrue(run.out().contains(field) && json.contains(field), field + " in " + json);
        }
    }
}
