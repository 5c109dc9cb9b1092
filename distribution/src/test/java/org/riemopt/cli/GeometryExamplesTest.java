package org.riemopt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.riemopt.cli.Cli.EXAMPLES;
import static org.riemopt.cli.Cli.number;
import static org.riemopt.cli.Cli.riemopt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.riemopt.cli.Cli.Run;

/**
 * The examples of every parameterization and measurement model: each recovers its truth, and Zhang's Example 4.1
 * shows the seed's spurious point. ({@code completion-large.yaml} runs in {@code DistributionIT}, in a 4 GB heap.)
 */
class GeometryExamplesTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"asymmetric-sensing.yaml", "phase-retrieval.yaml", "psd-sensing.yaml", "completion.yaml"})
    void recoversTheTruth(String example) {
        Run r = riemopt("run", "--json", EXAMPLES.resolve(example).toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(number(r.out(), "relativeError") < 1e-6, r.out());
    }

    @Test
    void completionIsAlsoAccurateOnHeldOutEntries() {
        Run r = riemopt("run", "--json", EXAMPLES.resolve("completion.yaml").toString());
        assertTrue(number(r.out(), "heldOutRelativeRms") < 1e-6, r.out());
    }

    @Test
    void completionNeverFormsTheMatrix(@TempDir Path dir) throws IOException {
        // 100000 x 100000 = 1e10 entries: no Java array can hold that, so any m x n allocation anywhere on the path
        // (operator, gradient, manifold, retraction, relative and held-out error) would fail this run.
        Path spec = dir.resolve("huge.yaml");
        Files.writeString(spec, """
                seed: 9
                manifold: {type: fixed-rank, rows: 100000, cols: 100000, rank: 2}
                operator: {type: completion, count: 500000}
                truth: {type: random, rank: 2}
                solver: {type: trust-regions, maxIterations: 3}
                """);
        Run r = riemopt("run", "--json", spec.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(Double.isFinite(number(r.out(), "relativeError")), r.out());
        assertTrue(Double.isFinite(number(r.out(), "heldOutRelativeRms")), r.out());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "manifold: {type: euclidean, rows: 8, cols: 3}\noperator: {type: gaussian, measurements: 60, symmetric: true}\n"
            + "truth: {type: random-psd, rank: 2}",
        "manifold: {type: factors, rows: 8, cols: 6, rank: 3}\noperator: {type: gaussian, measurements: 60}\n"
            + "truth: {type: random, rank: 2}",
        "manifold: {type: fixed-rank, rows: 8, cols: 6, rank: 2}\noperator: {type: completion, count: 30}\n"
            + "truth: {type: random, rank: 2}",
        "manifold: {type: psd-fixed-rank, rows: 8, rank: 2}\noperator: {type: identity}\n"
            + "truth: {matrix: [[2, 1, 0, 0, 0, 0, 0, 0], [1, 2, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0], "
            + "[0, 0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0], "
            + "[0, 0, 0, 0, 0, 0, 0, 0]]}",
    })
    void initAtTheTruthIsACriticalPointOfZeroCost(String instance, @TempDir Path dir) throws IOException {
        Path spec = dir.resolve("at-truth.yaml");
        Files.writeString(spec, "seed: 4\n" + instance + "\ninit: {type: truth}\n");
        Run r = riemopt("check", "--json", spec.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(0, number(r.out(), "cost"), 1e-20, r.out());
        assertEquals(0, number(r.out(), "gradientNorm"), 1e-10, r.out());
    }

    @Test
    void initAtTheTruthNeedsATruthOfAtMostTheSearchRank(@TempDir Path dir) throws IOException {
        Path spec = dir.resolve("too-high.yaml");
        Files.writeString(spec, "manifold: {type: euclidean, rows: 8, cols: 1}\noperator: {type: gaussian, "
                + "measurements: 60, symmetric: true}\ntruth: {type: random-psd, rank: 2}\ninit: {type: truth}\n");
        Run r = riemopt("check", spec.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("rank 2, above the search rank 1"), r.err());
    }

    @Test
    void psdQuotientConvergesOnTheGradientNotTheCost() {
        Run r = riemopt("run", "--json", EXAMPLES.resolve("psd-sensing.yaml").toString());
        assertTrue(r.out().contains("\"stopReason\":\"gradientTolerance\""), r.out());
    }

    @Test
    void zhangExample41HasItsSpuriousSecondOrderPoint() {
        Run r = riemopt("check", "--json", EXAMPLES.resolve("zhang-4.1.yaml").toString());
        assertEquals(0, r.status(), r.err());
        double epsilon = 0.1;
        double delta = 1 / (1 + (1 + epsilon) * Math.sqrt(1.0 / 3));
        assertTrue(number(r.out(), "gradientNorm") < 1e-13, r.out());
        // Zhang (2024), Example 4.1: Hess f(X0) >= -2(1 + delta) epsilon, attained.
        assertEquals(-2 * (1 + delta) * epsilon, number(r.out(), "hessianMinEigenvalue"), 1e-12, r.out());
    }
}
