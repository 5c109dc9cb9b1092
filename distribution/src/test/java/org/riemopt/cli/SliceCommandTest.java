package org.riemopt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.riemopt.cli.Cli.EXAMPLES;
import static org.riemopt.cli.Cli.number;
import static org.riemopt.cli.Cli.riemopt;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.riemopt.cli.Cli.Run;

/** {@code riemopt slice}: the grid file, the picture, and the points at the centre and at (1, 0). */
class SliceCommandTest {

    private static final String SENSING = """
            seed: 7
            manifold: {type: euclidean, rows: 6, cols: 2}
            operator: {type: gaussian, measurements: 40, symmetric: true}
            truth: {type: random-psd, rank: 2}
            init: {type: random}
            """;

    private static final String FACTORS = """
            seed: 8
            manifold: {type: factors, rows: 5, cols: 4, rank: 2}
            operator: {type: gaussian, measurements: 40}
            truth: {type: random, rank: 2}
            init: {type: random}
            """;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"zhang-4.1.yaml", "sensing", "factors"})
    void writesTheGridAndThePicture(String example, @TempDir Path dir) throws IOException {
        Path spec = switch (example) {
            case "sensing" -> Files.writeString(dir.resolve("sensing.yaml"), SENSING);
            case "factors" -> Files.writeString(dir.resolve("factors.yaml"), FACTORS);
            default -> EXAMPLES.resolve(example);
        };
        Path out = dir.resolve("out");
        Run r = riemopt("slice", "--json", "--grid", "21", "--out", out.toString(), spec.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.err());

        BufferedImage image = ImageIO.read(out.resolve("slice.png").toFile());
        assertNotNull(image, "slice.png decodes");
        assertEquals(ContourPlot.WIDTH, image.getWidth());
        assertEquals(ContourPlot.HEIGHT, image.getHeight());

        List<String> lines = Files.readAllLines(out.resolve("slice.csv"));
        assertEquals("a,b,cost", lines.get(0));
        List<String> rows = lines.subList(1, lines.size());
        assertEquals(21 * 21, rows.size());
        Run check = riemopt("check", "--json", spec.toString());
        assertEquals(0, check.status(), check.err());
        double atInit = number(check.out(), "cost");
        assertEquals("0.0,0.0," + atInit, rows.get(rows.size() / 2), "the centre node is init, exactly");
        assertEquals(atInit, number(r.out(), "costAtFrom"));
        // the default extent 2 with 21 points has the node a = 1 (10 steps of 0.2 from the centre), the truth
        double atTruth = rows.stream().filter(row -> row.startsWith("1.0,0.0,"))
                .mapToDouble(row -> Double.parseDouble(row.substring("1.0,0.0,".length()))).findFirst().orElseThrow();
        assertEquals(0, atTruth, 1e-20);
        assertEquals(0, number(r.out(), "costAtTowards"), 1e-20);
        assertTrue(number(r.out(), "minCost") <= atTruth && atInit <= number(r.out(), "maxCost"), r.out());
    }

    @Test
    void theSecondDirectionFollowsTheSeed(@TempDir Path dir) throws IOException {
        Path spec = Files.writeString(dir.resolve("sensing.yaml"), SENSING);
        riemopt("slice", "--grid", "5", "--out", dir.resolve("one").toString(), spec.toString());
        riemopt("slice", "--grid", "5", "--out", dir.resolve("two").toString(), spec.toString());
        riemopt("slice", "--grid", "5", "--seed", "99", "--out", dir.resolve("three").toString(), spec.toString());
        String one = Files.readString(dir.resolve("one/slice.csv"));
        assertEquals(one, Files.readString(dir.resolve("two/slice.csv")));
        assertTrue(!one.equals(Files.readString(dir.resolve("three/slice.csv"))));
    }

    @Test
    void refusesTruthWhenTheSpecHasNone(@TempDir Path dir) throws IOException {
        Path spec = Files.writeString(dir.resolve("no-truth.yaml"), """
                seed: 1
                manifold: {type: euclidean, rows: 3, cols: 1}
                operator: {type: identity}
                measurements: [1, 0, 0, 0, 1, 0, 0, 0, 1]
                """);
        Run r = riemopt("slice", "--out", dir.resolve("out").toString(), spec.toString());
        assertEquals(Riemopt.USAGE_ERROR, r.status());
        assertEquals("", r.out());
        assertTrue(r.err().contains("--towards truth: the spec gives no truth"), r.err());
    }

    @Test
    void refusesAnUnwritableOutputDirectory(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "not a directory");
        Run r = riemopt("slice", "--out", file.resolve("out").toString(), EXAMPLES.resolve("zhang-4.1.yaml")
                .toString());
        assertEquals(Riemopt.USAGE_ERROR, r.status());
        assertTrue(r.err().contains("cannot write there"), r.err());
    }

    @ParameterizedTest(name = "--grid {0}")
    @ValueSource(strings = {"1", "2", "20"})
    void refusesAGridWithoutACentreNode(String grid, @TempDir Path dir) {
        Run r = riemopt("slice", "--grid", grid, "--out", dir.toString(), EXAMPLES.resolve("zhang-4.1.yaml")
                .toString());
        assertEquals(Riemopt.USAGE_ERROR, r.status());
        assertTrue(r.err().contains("odd number of at least 3"), r.err());
    }

    @Test
    void refusesTheSamePointTwice(@TempDir Path dir) {
        Run r = riemopt("slice", "--towards", "init", "--out", dir.toString(), EXAMPLES.resolve("zhang-4.1.yaml")
                .toString());
        assertEquals(Riemopt.USAGE_ERROR, r.status());
        assertTrue(r.err().contains("two distinct points"), r.err());
    }
}
