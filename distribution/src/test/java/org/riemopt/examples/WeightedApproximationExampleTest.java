package org.riemopt.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.riemopt.manifolds.FixedRankPoint;
import org.riemopt.solver.Result;

/** README's hand-written cost: it is this file's twin, and both solvers reach the exact rank-3 approximation. */
class WeightedApproximationExampleTest {

    @Test
    void readmeShowsExactlyThisExample() throws IOException {
        String source = Files.readString(Path.of("src/test/java/org/riemopt/examples/"
                + "WeightedApproximationExample.java"));
        String snippet = source.substring(source.indexOf("// README-BEGIN\n") + "// README-BEGIN\n".length(),
                source.indexOf("// README-END"));
        String readme = Files.readString(Path.of("..", "README.md"));
        assertTrue(readme.contains("```java\n" + snippet + "```"), "README.md must contain the example verbatim");
    }

    @Test
    void bothSolversReachTheExactApproximation() {
        // C has rank 3, so the minimum is 0 at X = C, whatever the weights.
        List<Result<FixedRankPoint>> results = WeightedApproximationExample.solve();
        assertEquals("gradientTolerance", results.get(0).stopReason().criterion(), "trust-regions");
        assertTrue(results.get(0).cost() < 1e-12, "trust-regions cost " + results.get(0).cost());
        assertTrue(results.get(1).cost() < 1e-3 * results.get(1).trace().get(0).cost(),
                "gradient-descent lowers the cost: " + results.get(1).cost());
    }
}
