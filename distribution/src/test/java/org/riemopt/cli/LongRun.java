package org.riemopt.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A solve that goes on until it is interrupted, for the interrupt tests: trust-regions with no gradient tolerance on
 * a noisy Gaussian sensing problem (60 x 4 factor, 1,000 measurements) keeps iterating at its minimum, a few
 * iterations per second even on a loaded machine; {@code maxTime} only ends a test that failed to interrupt it.
 */
final class LongRun {

    static final String SPEC = """
            seed: 3
            manifold: {type: euclidean, rows: 60, cols: 4}
            lift: xxt
            operator: {type: gaussian, measurements: 1000, symmetric: true}
            truth: {type: random-psd, rank: 4}
            noise: {type: gaussian, sigma: 0.1}
            loss: l2
            init: {type: random}
            solver: {type: trust-regions, gradientTolerance: 0, maxIterations: 100000000, maxTime: 600}
            """;

    /** How long a test waits for the run to make progress or to end, on a machine shared with other builds. */
    static final long PATIENCE_MILLIS = 300_000;

    private LongRun() {
    }

    /** Waits until {@code trace} holds the header and at least {@code rows} rows. */
    static void awaitRows(Path trace, int rows, ProcessHandle process) throws InterruptedException {
        long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
        while (lines(trace).size() < rows + 1) {
            if (System.currentTimeMillis() > deadline || (process != null && !process.isAlive())) {
                fail("the run did not write " + rows + " trace rows: " + lines(trace));
            }
            Thread.sleep(50);
        }
    }

    /**
     * Asserts that {@code trace} is a whole CSV of iterations 0 to {@code iterations}: a header, then one complete
     * row per iteration with as many cells as the header, ending in a newline.
     */
    static void assertWholeTrace(Path trace, int iterations) throws IOException {
        String text = Files.readString(trace);
        assertTrue(text.endsWith("\n"), "the last row is whole");
        List<String> lines = text.lines().toList();
        assertTrue(lines.get(0).startsWith("iteration,cost,gradientNorm,timeSeconds"), lines.get(0));
        int cells = lines.get(0).split(",").length;
        assertEquals(iterations + 2, lines.size(), "header and iterations 0.." + iterations);
        for (int i = 1; i < lines.size(); i++) {
            String[] row = lines.get(i).split(",");
            assertEquals(cells, row.length, lines.get(i));
            assertEquals(i - 1, Integer.parseInt(row[0]));
            Double.parseDouble(row[1]);
        }
    }

    private static List<String> lines(Path trace) {
        try {
            return Files.exists(trace) ? Files.readAllLines(trace) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
