package org.riemopt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.riemopt.cli.Cli.EXAMPLES;
import static org.riemopt.cli.Cli.riemopt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riemopt.cli.Cli.Run;

/**
 * Seed 002's Figure 1.1 through {@code examples/zhang-fig-1.1.yaml}: Nesterov SGD on Example 1.3 escapes the
 * nonstrict saddle in every trial given 10⁴ steps, and no more often with 10³ steps than with 10⁴.
 */
class FigureReproductionTest {

    @Test
    void nesterovSgdEscapesGivenEnoughSteps(@TempDir Path dir) throws IOException {
        Run r = riemopt("sweep", "--json", EXAMPLES.resolve("zhang-fig-1.1.yaml").toString(),
                "--param", "operator.epsilon=0.01,0.001", "--param", "solver.maxIterations=1000,10000",
                "--trials", "20", "--out", dir.toString());
        assertEquals(0, r.status(), r.err());
        List<String> rows = Files.readAllLines(dir.resolve("sweep.csv"));
        assertEquals(1 + 4 * 20, rows.size());
        int[] successes = new int[4];
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            successes[Integer.parseInt(f[0])] += Boolean.parseBoolean(f[f.length - 1]) ? 1 : 0;
        }
        // Grid points in order: (1e-2, 10³), (1e-2, 10⁴), (1e-3, 10³), (1e-3, 10⁴).
        assertEquals(20, successes[1], "ε = 1e-2 after 10⁴ steps");
        assertEquals(20, successes[3], "ε = 1e-3 after 10⁴ steps");
        assertTrue(successes[0] <= successes[1] && successes[2] <= successes[3], java.util.Arrays.toString(successes));
    }
}
