package org.riemopt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.riemopt.cli.Cli.riemopt;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riemopt.cli.Cli.Run;

/** {@code compare}, {@code sweep} and {@code sweep merge} end to end on a small seeded sensing spec. */
class CompareSweepTest {

    /** Rank-1 PSD truth of size 8, 40 symmetric Gaussian measurements, searched at rank 2 from random starts. */
    private static final String SPEC = """
            seed: 11
            manifold: {type: euclidean, rows: 8, cols: 2}
            lift: xxt
            operator: {type: gaussian, measurements: 40, symmetric: true}
            truth: {type: random-psd, rank: 1}
            loss: [{type: l2, weight: 1}]
            init: {type: random}
            solver: {type: trust-regions, maxIterations: 40, costTolerance: 1e-14}
            solvers:
              gradient-descent: {maxIterations: 60}
            success: "relativeError < 1e-3"
            """;

    @TempDir
    Path dir;

    private Path spec;

    @BeforeEach
    void writeSpec() throws IOException {
        spec = dir.resolve("spec.yaml");
        Files.writeString(spec, SPEC);
    }

    @Test
    void compareWritesARowPerSolverAndTrialAndADecodablePlot() throws IOException {
        Path out = dir.resolve("compare");
        Run r = riemopt("compare", spec.toString(), "--solvers", "trust-regions,gradient-descent", "--trials", "3",
                "--out", out.toString(), "--json");
        assertEquals(0, r.status(), r.err());
        assertEquals(1, r.out().lines().count(), r.out());
        assertTrue(r.out().contains("\"solver\":\"trust-regions\"") && r.out().contains("\"solver\":\"gradient-descent\""),
                r.out());
        assertTrue(r.out().contains("\"success\":\"relativeError < 0.001\""), r.out());
        List<String> lines = Files.readAllLines(out.resolve(CompareCommand.CSV));
        assertEquals(String.join(",", TrialOutcome.COLUMNS), lines.get(0));
        assertEquals(7, lines.size(), "header and 2 x 3 rows");
        assertTrue(lines.get(1).startsWith("trust-regions,0,11,"), lines.get(1));
        assertTrue(lines.get(4).startsWith("gradient-descent,0,11,"), lines.get(4));
        // gradient-descent takes its options from the solvers: map: at most 60 iterations
        for (String line : lines.subList(4, 7)) {
            assertTrue(Integer.parseInt(line.split(",")[4]) <= 60, line);
        }
        BufferedImage png = ImageIO.read(out.resolve(CompareCommand.PNG).toFile());
        assertNotNull(png);
        assertTrue(png.getWidth() > 0 && png.getHeight() > 0);
    }

    @Test
    void compareGivesTheSameRowsOnOneAndTwoThreads() throws IOException {
        List<List<String>> results = new ArrayList<>();
        for (String threads : List.of("1", "2")) {
            Path out = dir.resolve("threads-" + threads);
            Run r = riemopt("compare", spec.toString(), "--solvers", "trust-regions,gradient-descent", "--trials",
                    "3", "--threads", threads, "--out", out.toString());
            assertEquals(0, r.status(), r.err());
            assertTrue(r.out().contains("trust-regions"), r.out());
            results.add(withoutTime(out.resolve(CompareCommand.CSV)));
        }
        assertEquals(results.get(0), results.get(1));
    }

    @Test
    void shardsMergedGiveTheUnshardedTable() throws IOException {
        Path whole = dir.resolve("whole");
        Run r = riemopt("sweep", spec.toString(), "--param", "manifold.cols=1..3", "--trials", "2", "--out",
                whole.toString(), "--json");
        assertEquals(0, r.status(), r.err());
        assertEquals(1, r.out().lines().count(), r.out());
        assertTrue(r.out().contains("\"points\":[{\"manifold.cols\":\"1\""), r.out());
        List<String> expected = withoutTime(whole.resolve(SweepCommand.CSV));
        assertEquals(7, expected.size(), "header and 3 points x 2 trials");
        assertTrue(expected.get(0).startsWith("point,manifold.cols,solver,trial,seed,"), expected.get(0));
        assertNotNull(ImageIO.read(whole.resolve(SweepCommand.PNG).toFile()));

        Path shards = dir.resolve("shards");
        for (int i = 0; i < 3; i++) {
            Run s = riemopt("sweep", spec.toString(), "--param", "manifold.cols=1..3", "--trials", "2", "--out",
                    shards.toString(), "--shard", i + "/3");
            assertEquals(0, s.status(), s.err());
            assertEquals(3, Files.readAllLines(shards.resolve(SweepCommand.shardFile(i, 3))).size());
        }
        assertFalse(Files.exists(shards.resolve(SweepCommand.PNG)), "a shard draws no plot");
        Path merged = dir.resolve("merged");
        Run m = riemopt("sweep", "merge", shards.toString(), "--out", merged.toString());
        assertEquals(0, m.status(), m.err());
        assertTrue(m.out().contains("manifold.cols"), m.out());
        assertEquals(expected, withoutTime(merged.resolve(SweepCommand.CSV)));
        assertNotNull(ImageIO.read(merged.resolve(SweepCommand.PNG).toFile()));
    }

    @Test
    void mergeRefusesAMissingShard() {
        Path shards = dir.resolve("shards");
        Run s = riemopt("sweep", spec.toString(), "--param", "manifold.cols=1..2", "--trials", "1", "--out",
                shards.toString(), "--shard", "1/2");
        assertEquals(0, s.status(), s.err());
        Run m = riemopt("sweep", "merge", shards.toString(), "--out", dir.resolve("merged").toString());
        assertEquals(2, m.status());
        assertTrue(m.err().contains("shards [0] of 2 are missing"), m.err());
    }

    @Test
    void resumeKeepsFinishedRowsAndRerunsOnlyMissingOnes() throws IOException {
        Path out = dir.resolve("sweep");
        String[] args = {"sweep", spec.toString(), "--param", "manifold.cols=1..2", "--trials", "2", "--out",
            out.toString()};
        assertEquals(0, riemopt(args).status());
        Path csv = out.resolve(SweepCommand.CSV);
        List<String> first = Files.readAllLines(csv);
        // a row that was not rerun keeps its time exactly; the deleted row comes back
        List<String> damaged = new ArrayList<>(first);
        String removed = damaged.remove(3);
        Files.write(csv, damaged);
        List<String> resumeArgs = new ArrayList<>(List.of(args));
        resumeArgs.addAll(List.of("--resume", "--json"));
        Run r = riemopt(resumeArgs.toArray(String[]::new));
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("\"ran\":1,\"resumed\":3"), r.out());
        List<String> second = Files.readAllLines(csv);
        assertEquals(first.size(), second.size());
        for (int i = 0; i < first.size(); i++) {
            if (i != 3) {
                assertEquals(first.get(i), second.get(i), "kept as it was");
            }
        }
        assertEquals(withoutTime(removed), withoutTime(second.get(3)));
    }

    @Test
    void resumeRefusesATableOfAnotherSweep() {
        Path out = dir.resolve("sweep");
        assertEquals(0, riemopt("sweep", spec.toString(), "--param", "manifold.cols=1..2", "--trials", "1", "--out",
                out.toString()).status());
        Run r = riemopt("sweep", spec.toString(), "--param", "manifold.cols=2..3", "--trials", "1", "--out",
                out.toString(), "--resume");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("was not written by this sweep"), r.err());
    }

    @Test
    void sweepOverAListEntryAndASolverName() throws IOException {
        Path out = dir.resolve("sweep");
        Run r = riemopt("sweep", spec.toString(), "--param", "loss.0.weight=0.5,2", "--param",
                "solver.type=trust-regions,gradient-descent", "--trials", "1", "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        List<String> lines = Files.readAllLines(out.resolve(SweepCommand.CSV));
        assertEquals("point,loss.0.weight,solver.type,solver", String.join(",", List.of(lines.get(0).split(","))
                .subList(0, 4)));
        assertEquals(5, lines.size());
        assertTrue(lines.get(2).startsWith("1,0.5,gradient-descent,gradient-descent,"), lines.get(2));
    }

    @Test
    void overparamExampleFailsBelowTheTrueRankAndRecoversAtIt() {
        Run r = riemopt("sweep", Cli.EXAMPLES.resolve("overparam-sweep.yaml").toString(), "--param",
                "manifold.cols=1,2", "--trials", "1", "--out", dir.resolve("op").toString(), "--json");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("\"manifold.cols\":\"1\",\"trials\":1,\"successes\":0"), r.out());
        assertTrue(r.out().contains("\"manifold.cols\":\"2\",\"trials\":1,\"successes\":1"), r.out());
    }

    @Test
    void badParametersAreUsageErrors() {
        String out = dir.resolve("bad").toString();
        assertUsage("no key 'colz' in 'manifold'", "--param", "manifold.colz.x=1..2");
        assertUsage("manifold.colz", "--param", "manifold.colz=1..2");
        assertUsage("is not a range of integers", "--param", "manifold.cols=1..x");
        assertUsage("needs a <= b", "--param", "manifold.cols=3..1");
        assertUsage("expected KEY=VALUES", "--param", "manifold.cols");
        assertUsage("index 3 is out of range", "--param", "loss.3.weight=1,2");
        assertUsage("the seed is set per trial", "--param", "seed=1,2");
        assertUsage("expected i/S", "--param", "manifold.cols=1..2", "--shard", "3/3");
        assertFalse(Files.exists(Path.of(out, SweepCommand.CSV)), "nothing written");
    }

    @Test
    void anUnwritableOutputIsAUsageError() throws IOException {
        Path file = dir.resolve("file");
        Files.writeString(file, "");
        Run r = riemopt("compare", spec.toString(), "--trials", "1", "--out", file.resolve("x").toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--out"), r.err());
    }

    @Test
    void successRules() {
        TrialOutcome t = new TrialOutcome("s", 0, 1, "maxIterations", 12, 1e-3, 1e-5, 2e-4, Double.NaN, 0.5, false);
        assertTrue(SuccessRule.parse("relativeError < 1e-3").test(t));
        assertFalse(SuccessRule.parse("relativeError<=1e-4").test(t));
        assertTrue(SuccessRule.parse(" iterations >= 12 ").test(t));
        assertFalse(SuccessRule.parse("iterations > 12").test(t));
        assertTrue(SuccessRule.parse("gradientNorm <= 1e-5").test(t));
        assertFalse(SuccessRule.parse("heldOutRelativeRms < 1").test(t), "an undefined value fails");
        assertEquals("cost < 0.5", SuccessRule.parse("cost<0.5").text());
        assertFalse(SuccessRule.of(null, false).test(t), "maxIterations is not convergence");
        TrialOutcome converged = new TrialOutcome("s", 0, 1, "costTolerance", 12, 1e-3, 1e-5, 2e-4, Double.NaN,
                0.5, false);
        assertTrue(SuccessRule.of(null, false).test(converged));
        assertFalse(SuccessRule.of(null, true).test(converged), "with a truth: relativeError < 1e-6");
        for (String bad : List.of("relativeError", "error < 1", "cost = 1", "cost < x", "cost < inf", "cost < 1 2")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SuccessRule.parse(bad));
            assertTrue(e.getMessage().contains(bad.split(" ")[0]) || e.getMessage().contains("FIELD OP NUMBER"),
                    e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> SuccessRule.of(3, true));
    }

    @Test
    void aBadSuccessRuleInTheSpecIsASpecError() throws IOException {
        Files.writeString(spec, SPEC.replace("relativeError < 1e-3", "relativeErr < 1e-3"));
        Run r = riemopt("compare", spec.toString(), "--trials", "1", "--out", dir.resolve("o").toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("spec key 'success'"), r.err());
        assertEquals("", r.out());
    }

    private void assertUsage(String message, String... options) {
        List<String> args = new ArrayList<>(List.of("sweep", spec.toString(), "--trials", "1", "--out",
                dir.resolve("bad").toString()));
        args.addAll(List.of(options));
        Run r = riemopt(args.toArray(String[]::new));
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains(message), r.err());
        assertEquals("", r.out());
    }

    /** The table's lines without the timeSeconds column, the one that differs between identical runs. */
    private static List<String> withoutTime(Path csv) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(csv)) {
            out.add(withoutTime(line));
        }
        return out;
    }

    private static String withoutTime(String line) {
        List<String> cells = new ArrayList<>(List.of(line.split(",", -1)));
        cells.remove(cells.size() - 2);
        return String.join(",", cells);
    }
}
