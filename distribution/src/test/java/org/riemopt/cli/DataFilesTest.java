package org.riemopt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.riemopt.cli.Cli.number;
import static org.riemopt.cli.Cli.riemopt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riemopt.cli.Cli.Run;

/**
 * Instances from files: the one written by {@code files/make_instance.py} (numpy) as {@code .npy}, as MatrixMarket
 * and inline must give the same run; a saved point must read back; bad files are spec errors naming the file.
 */
class DataFilesTest {

    private static final Path FILES = Path.of("src", "test", "resources", "files");

    @TempDir
    Path dir;

    @Test
    void npyMatrixMarketAndInlineGiveTheSameRun() {
        Run inline = riemopt("run", "--json", FILES.resolve("instance-inline.yaml").toString());
        Run npy = riemopt("run", "--json", FILES.resolve("instance-npy.yaml").toString());
        Run mtx = riemopt("run", "--json", FILES.resolve("instance-mtx.yaml").toString());
        for (Run r : new Run[] {inline, npy, mtx}) {
            assertEquals(0, r.status(), r.err());
            // b = A vec(M) by numpy, column-major: a transposed convention would leave a large error.
            assertTrue(number(r.out(), "relativeError") < 1e-8, r.out());
        }
        for (String key : new String[] {"iterations", "cost", "gradientNorm", "relativeError"}) {
            assertEquals(number(inline.out(), key), number(npy.out(), key), 0.0, key + " (npy)");
            assertEquals(number(inline.out(), key), number(mtx.out(), key), 0.0, key + " (mtx)");
        }
    }

    @Test
    void aSavedPointReadsBackAsTheInitOfCheck() throws IOException {
        Path point = dir.resolve("solution.npz");
        Run run = riemopt("run", "--json", "--save-point", point.toString(),
                FILES.resolve("instance-npy.yaml").toString());
        assertEquals(0, run.status(), run.err());
        String spec = Files.readString(FILES.resolve("instance-npy.yaml"))
                .replaceAll("init: .*", "init: {file: " + point.toAbsolutePath() + "}")
                .replace("file: ", "file: " + FILES.toAbsolutePath() + "/")
                .replace("file: " + FILES.toAbsolutePath() + "/" + point.toAbsolutePath(),
                        "file: " + point.toAbsolutePath());
        Path atSolution = dir.resolve("at-solution.yaml");
        Files.writeString(atSolution, spec);
        Run check = riemopt("check", "--json", atSolution.toString());
        assertEquals(0, check.status(), check.err());
        assertEquals(number(run.out(), "cost"), number(check.out(), "cost"), 0.0, "the same point");
    }

    @Test
    void savePointMustBeAnNpzArchive() {
        Run r = riemopt("run", "--save-point", dir.resolve("x.npy").toString(),
                FILES.resolve("instance-npy.yaml").toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains(".npz"), r.err());
    }

    @Test
    void missingTruncatedAndMisSizedFilesAreSpecErrorsNamingTheFile() throws IOException {
        String base = Files.readString(FILES.resolve("instance-npy.yaml"))
                .replace("file: ", "file: " + FILES.toAbsolutePath() + "/");
        Path truncated = dir.resolve("A.npy");
        byte[] whole = Files.readAllBytes(FILES.resolve("A.npy"));
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length - 80));
        String[][] cases = {
            {base.replace(FILES.toAbsolutePath() + "/A.npy", dir.resolve("absent.npy").toString()), "absent.npy"},
            {base.replace(FILES.toAbsolutePath() + "/A.npy", truncated.toString()), "truncated"},
            {base.replace(FILES.toAbsolutePath() + "/A.npy", FILES.toAbsolutePath() + "/M.npy"), "6x5"},
            {base.replace(FILES.toAbsolutePath() + "/b.npy", FILES.toAbsolutePath() + "/U0.npy"), "measurements"},
            {base.replace(FILES.toAbsolutePath() + "/U0.npy", FILES.toAbsolutePath() + "/V0.npy"), "init"},
        };
        for (String[] c : cases) {
            Path spec = dir.resolve("bad.yaml");
            Files.writeString(spec, c[0]);
            Run r = riemopt("run", spec.toString());
            assertEquals(2, r.status(), c[1] + ": " + r.err());
            assertTrue(r.err().contains(c[1]), c[1] + " in: " + r.err());
            assertEquals("", r.out());
        }
    }
}
