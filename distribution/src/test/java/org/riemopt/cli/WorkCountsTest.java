package org.riemopt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.riemopt.cli.Cli.EXAMPLES;
import static org.riemopt.cli.Cli.number;
import static org.riemopt.cli.Cli.riemopt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riemopt.cli.Cli.Run;

/** The work {@code run --json} reports: operator passes, Hessian-vector products and inner iterations. */
class WorkCountsTest {

    @Test
    void trustRegionsOnTheDemoCountsOnePassPerPointAndOneProductPerInnerIteration() {
        Run r = riemopt("run", "--json", EXAMPLES.resolve("gaussian-sensing.yaml").toString());
        assertEquals(0, r.status(), r.err());
        long iterations = (long) number(r.out(), "iterations");
        long passes = (long) number(r.out(), "operatorPasses");
        long products = (long) number(r.out(), "hessianVectorProducts");
        long inner = (long) number(r.out(), "innerIterations");
        // The start and every trial point (accepted or not) are linearized once; nothing else reads the operator.
        assertEquals(1 + iterations, passes, r.out());
        // tCG applies the Hessian once per inner iteration, and trust-regions nowhere else.
        assertEquals(inner, products, r.out());
        assertTrue(inner > 10 * iterations, "the over-parameterized demo runs tCG long: " + r.out());
    }

    @Test
    void aFirstOrderSolverHasNoProductsAndNoInnerIterations(@TempDir Path dir) throws IOException {
        Path spec = dir.resolve("gd.yaml");
        Files.writeString(spec, """
                seed: 3
                manifold: {type: euclidean, rows: 10, cols: 2}
                lift: xxt
                operator: {type: gaussian, measurements: 80, symmetric: true}
                truth: {type: random-psd, rank: 2}
                solver: {type: gradient-descent, maxIterations: 20}
                """);
        Run r = riemopt("run", "--json", spec.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(0, number(r.out(), "hessianVectorProducts"), r.out());
        assertEquals(0, number(r.out(), "innerIterations"), r.out());
        // Armijo backtracking linearizes each trial point it tries, so at least one pass per iteration.
        assertTrue(number(r.out(), "operatorPasses") >= 1 + number(r.out(), "iterations"), r.out());
    }
}
