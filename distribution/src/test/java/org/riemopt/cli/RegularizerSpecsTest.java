package org.riemopt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.riemopt.cli.Cli.number;
import static org.riemopt.cli.Cli.riemopt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.riemopt.cli.Cli.Run;

/**
 * Regularizers as a spec writes them: a list of them passes the Taylor checks of {@code riemopt check}, and a
 * regularizer on a manifold where it has no meaning is a usage error naming its key.
 */
class RegularizerSpecsTest {

    private static Run check(Path dir, String manifold, String regularizers) throws IOException {
        Path spec = dir.resolve("spec.yaml");
        Files.writeString(spec, "seed: 5\nmanifold: " + manifold + "\noperator: {type: gaussian, measurements: 40}\n"
                + "truth: {type: random, rank: 1}\nregularizers: " + regularizers + "\n");
        return riemopt("check", "--json", spec.toString());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "{type: factors, rows: 5, cols: 4, rank: 2}|[{type: nuclear, lambda: 0.1}, {type: balancing, gamma: 0.5}]",
        "{type: factors, rows: 5, cols: 4, rank: 2}|[{type: frobenius, lambda: 0.3}]",
        "{type: euclidean, rows: 5, cols: 2}|[{type: nuclear, lambda: 0.1}, {type: frobenius, lambda: 0.3}]",
        "{type: psd-fixed-rank, rows: 5, rank: 2}|[{type: nuclear, lambda: 0.1}]",
    })
    void aListOfRegularizersPassesTheTaylorChecks(String manifold, String regularizers, @TempDir Path dir)
            throws IOException {
        Run r = check(dir, manifold, regularizers);
        assertEquals(0, r.status(), r.err());
        assertEquals(2, number(r.out(), "gradientSlope"), 0.1, r.out());
        assertEquals(3, number(r.out(), "hessianSlope"), 0.1, r.out());
    }

    @ParameterizedTest(name = "{1} on {0}")
    @CsvSource(delimiter = '|', value = {
        "{type: fixed-rank, rows: 5, cols: 4, rank: 2}|[{type: nuclear, lambda: 0.1}]|nuclear acts on factors",
        "{type: euclidean, rows: 5, cols: 2}|[{type: balancing, gamma: 1}]|balancing acts on the factor pair (U, V)",
        "{type: psd-fixed-rank, rows: 5, rank: 2}|[{type: frobenius, lambda: 1}]|frobenius acts on points of a "
            + "Euclidean space",
        "{type: factors, rows: 5, cols: 4, rank: 2}|[{type: nuclear, lambda: -1}]|lambda must be >= 0, got -1.0",
    })
    void aRegularizerWithoutMeaningOnTheManifoldIsAUsageError(String manifold, String regularizers, String message,
                                                              @TempDir Path dir) throws IOException {
        Run r = check(dir, manifold, regularizers);
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("'regularizers[0]'"), r.err());
        assertTrue(r.err().contains(message), r.err());
    }
}
