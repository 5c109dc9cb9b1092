package org.riemopt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.riemopt.cli.Cli.number;
import static org.riemopt.cli.Cli.riemopt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riemopt.cli.Cli.Run;
import org.riemopt.solver.IterationRecord;

/** Output files: checked before the work, written through links, never over the spec, with the umask; - is stdout. */
class OutputFilesTest {

    private static final String SPEC = """
            seed: 3
            manifold: {type: euclidean, rows: 12, cols: 2}
            lift: xxt
            operator: {type: gaussian, measurements: 80, symmetric: true}
            truth: {type: random-psd, rank: 1}
            loss: l2
            init: {type: random}
            solver: {type: trust-regions, maxIterations: 6}
            """;

    private static final String HEADER = "iteration,cost,gradientNorm,timeSeconds,innerIterations,radius,rho,"
            + "accepted,limitedByRadius,relativeError";

    @TempDir
    Path dir;

    private Path spec;

    @BeforeEach
    void writeSpec() throws IOException {
        spec = Files.writeString(dir.resolve("spec.yaml"), SPEC);
    }

    private static void assertUsageError(Run r, String... inMessage) {
        assertEquals(2, r.status(), r.err());
        assertEquals("", r.out(), "nothing on stdout");
        for (String s : inMessage) {
            assertTrue(r.err().contains(s), "'" + s + "' in " + r.err());
        }
    }

    @Test
    void anUnwritableTraceIsAUsageErrorBeforeSolving() throws IOException {
        Path blocker = Files.writeString(dir.resolve("blocker"), "a regular file");
        Path trace = blocker.resolve("trace.csv");
        Run r = riemopt("run", "--json", "--trace", trace.toString(), spec.toString());
        assertUsageError(r, "--trace", trace.toString(), "not a directory");
        assertFalse(r.err().contains("Exception"), r.err());
        Run save = riemopt("run", "--save-point", blocker.resolve("x.npz").toString(), spec.toString());
        assertUsageError(save, "--save-point", blocker.resolve("x.npz").toString());
        Path both = dir.resolve("both.npz");
        assertUsageError(riemopt("run", "--trace", both.toString(), "--save-point", both.toString(),
                spec.toString()), "same file");
        assertFalse(Files.exists(both));
        Run isDir = riemopt("run", "--trace", dir.toString(), spec.toString());
        assertUsageError(isDir, "--trace", "is a directory");
    }

    @Test
    void theTraceNeverOverwritesTheSpec() throws IOException {
        Run r = riemopt("run", "--trace", spec.toString(), spec.toString());
        assertUsageError(r, "--trace", "spec file");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), spec);
        Run viaLink = riemopt("run", "--trace", link.toString(), spec.toString());
        assertUsageError(viaLink, "--trace", "spec file");
        Path hard = Files.createLink(dir.resolve("hard.csv"), spec);
        assertUsageError(riemopt("run", "--trace", hard.toString(), spec.toString()), "spec file");
        assertEquals(SPEC, Files.readString(spec), "the spec is untouched");
    }

    @Test
    void theTraceIsWrittenThroughASymlink() throws IOException {
        Path target = Files.writeString(dir.resolve("target.csv"), "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("trace.csv"), Path.of("target.csv"));
        Path pointLink = Files.createSymbolicLink(dir.resolve("point.npz"), dir.resolve("real-point.npz"));
        Run r = riemopt("run", "--json", "--trace", link.toString(), "--save-point", pointLink.toString(),
                spec.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.isSymbolicLink(link), "the link is kept");
        assertTrue(Files.isSymbolicLink(pointLink), "the link is kept");
        List<String> lines = Files.readAllLines(target);
        assertEquals(HEADER, lines.get(0));
        assertEquals((int) number(r.out(), "iterations") + 2, lines.size());
        assertTrue(Files.size(dir.resolve("real-point.npz")) > 0, "the point went to the link's target");
    }

    @Test
    void aDashMeansStdout() {
        Run r = riemopt("run", "--trace", "-", spec.toString());
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(HEADER, lines.get(0));
        assertTrue(lines.size() >= 2, r.out());
        lines.forEach(l -> assertEquals(HEADER.split(",").length, l.split(",").length, l));
        assertTrue(r.err().contains("iterations:"), "the summary goes to stderr: " + r.err());
        assertFalse(Files.exists(dir.resolve("-")));
        assertUsageError(riemopt("run", "--json", "--trace", "-", spec.toString()), "--json", "--trace -");
    }

    @Test
    void theTraceIsStreamedOneFlushedRowPerRecord() throws Exception {
        Path file = dir.resolve("sub").resolve("streamed.csv");
        try (TraceCsv csv = TraceCsv.toFile(file)) {
            assertFalse(Files.exists(file), "opened at the first record");
            for (int i = 0; i < 3; i++) {
                csv.accept(new IterationRecord(i, 1.0 / (i + 1), 0.5, 0.1 * i, Double.NaN, Map.of("radius", 2.0)));
                List<String> lines = Files.readAllLines(file);
                assertEquals("iteration,cost,gradientNorm,timeSeconds,radius", lines.get(0));
                assertEquals(i + 2, lines.size(), "a row per record, on disk before the run ends");
                assertEquals(i + "," + (1.0 / (i + 1)) + ",0.5," + (0.1 * i) + ",2.0", lines.get(i + 1));
            }
        }
    }

    @Test
    void createdFilesHaveTheUmasksPermissions() throws IOException {
        String expected = PosixFilePermissions.toString(
                Files.getPosixFilePermissions(Files.createFile(dir.resolve("reference"))));
        Path trace = dir.resolve("trace.csv");
        Path point = dir.resolve("point.npz");
        Path out = dir.resolve("slice");
        assertEquals(0, riemopt("run", "--trace", trace.toString(), "--save-point", point.toString(),
                spec.toString()).status());
        Run slice = riemopt("slice", "--grid", "3", "--out", out.toString(), spec.toString());
        assertEquals(0, slice.status(), slice.err());
        for (Path p : List.of(trace, point, out.resolve(SliceCommand.CSV), out.resolve(SliceCommand.PNG))) {
            assertEquals(expected, PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), p.toString());
        }
        try (var files = Files.list(out)) {
            assertEquals(2, files.count(), "no temporary file left");
        }
    }

    @Test
    void sliceChecksItsOutBeforeAnyWork() throws IOException {
        Path blocker = Files.writeString(dir.resolve("blocker"), "x");
        Path out = blocker.resolve("slice");
        assertUsageError(riemopt("slice", "--grid", "3", "--out", out.toString(), spec.toString()),
                "--out", out.toString());
        Path specAsCsv = dir.resolve("specdir");
        Files.createDirectory(specAsCsv);
        Path named = Files.copy(spec, specAsCsv.resolve(SliceCommand.CSV));
        assertUsageError(riemopt("slice", "--grid", "3", "--out", specAsCsv.toString(), named.toString()),
                "spec file");
        assertEquals(SPEC, Files.readString(named));
    }

    @Test
    void aMissingOutputFolderIsCreatedWithItsFirstFileAndNotByACommandThatFailsBefore() throws IOException {
        Path point = dir.resolve("new").resolve("deeper").resolve("p.npz");
        Run saved = riemopt("run", "--save-point", point.toString(), spec.toString());
        assertEquals(0, saved.status(), saved.err());
        assertTrue(Files.size(point) > 0, "the point is written, its folders created");
        Path out = dir.resolve("out").resolve("slice");
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "manifold: {type: euclidean\n");
        assertUsageError(riemopt("slice", "--grid", "3", "--out", out.toString(), broken.toString()), "not valid YAML");
        assertUsageError(riemopt("compare", broken.toString(), "--trials", "1", "--out", out.toString()), "YAML");
        assertUsageError(riemopt("sweep", broken.toString(), "--param", "manifold.cols=1..2", "--trials", "1",
                "--out", out.toString()), "YAML");
        assertFalse(Files.exists(dir.resolve("out")), "no folder left by the failed commands");
        Run sliced = riemopt("slice", "--grid", "3", "--out", out.toString(), spec.toString());
        assertEquals(0, sliced.status(), sliced.err());
        assertTrue(Files.exists(out.resolve(SliceCommand.CSV)) && Files.exists(out.resolve(SliceCommand.PNG)));
    }

    @Test
    void compareChecksItsOutBeforeAnyWork() throws IOException {
        Path blocker = Files.writeString(dir.resolve("blocker"), "x");
        Path out = blocker.resolve("compare");
        assertUsageError(riemopt("compare", spec.toString(), "--solvers", "trust-regions", "--trials", "1",
                "--out", out.toString()), "--out", out.toString());
        Path sweepOut = blocker.resolve("sweep");
        assertUsageError(riemopt("sweep", spec.toString(), "--param", "manifold.cols=1..2", "--trials", "1",
                "--out", sweepOut.toString()), "--out", sweepOut.toString());
    }
}
