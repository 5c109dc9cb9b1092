package org.riemopt.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.solver.Result;

/** README's embedding example: it is this file's twin, and it converges. */
class EmbeddingExampleTest {

    @Test
    void readmeShowsExactlyThisExample() throws IOException {
        String source = Files.readString(Path.of("src/test/java/org/riemopt/examples/EmbeddingExample.java"));
        String snippet = source.substring(source.indexOf("// README-BEGIN\n") + "// README-BEGIN\n".length(),
                source.indexOf("// README-END"));
        String readme = Files.readString(Path.of("..", "README.md"));
        assertTrue(readme.contains("```java\n" + snippet + "```"), "README.md must contain the example verbatim");
    }

    @Test
    void exampleRecoversTheLowRankMatrix() {
        Result<DenseMatrix> r = EmbeddingExample.recover();
        assertEquals("gradientTolerance", r.stopReason().criterion());
        assertTrue(r.cost() < 1e-12, "cost " + r.cost());
    }
}
