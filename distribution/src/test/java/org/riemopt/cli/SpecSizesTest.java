package org.riemopt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.riemopt.cli.Cli.riemopt;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.riemopt.cli.Cli.Run;
import org.riemopt.problem.MeasurementOperator;
import org.riemopt.spec.SpecException;
import org.riemopt.spec.SpecLoader;
import org.riemopt.spi.Family;
import org.riemopt.spi.OperatorProvider;
import org.riemopt.spi.ParameterSpec;
import org.riemopt.spi.Parameters;
import org.riemopt.spi.PluginProblem;
import org.riemopt.spi.PluginRegistry;
import org.riemopt.spi.Provider;
import org.riemopt.spi.ProviderSource;
import org.riemopt.spi.ServiceLoaderSource;

/**
 * Specs asking for more memory than the JVM can give, or for arrays longer than Java allows, end before anything is
 * allocated in one spec error (exit status 2) naming the key, the size and how to raise the heap; never in an
 * {@code OutOfMemoryError}. The specs are the {@code bad/size-*.yaml} files of the hostile-input corpus. Their sizes
 * are far above any test machine's heap (or above the array limit), so the outcome does not depend on the machine.
 */
class SpecSizesTest {

    private static final Path BAD = Path.of("src", "test", "resources", "bad");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "size-euclidean-rows.yaml              | manifold.rows         | 160.0 GB",
        "size-fixed-rank-rows.yaml             | manifold.rows         | 160.0 GB",
        "size-psd-fixed-rank-rows.yaml         | manifold.rows         | 160.0 GB",
        "size-factors-rows.yaml                | manifold.rows         | 160.0 GB",
        "size-gaussian-measurements.yaml       | operator.measurements | 1.6 TB",
        "size-gaussian-symmetric.yaml         | operator.measurements | 1.3 TB",
        "size-phase-retrieval-measurements.yaml| operator.measurements | 160.0 GB",
        "size-completion-count.yaml            | operator.count        | 48.0 GB",
        "size-completion-fraction.yaml         | operator.fraction     | 240.0 GB",
        "size-identity-operator.yaml           | operator              | 80.0 GB",
        "size-rip-example.yaml                 | operator              | 80.0 GB",
        "size-truth-random.yaml                | truth.rank            | 64.0 GB",
        "size-truth-random-psd.yaml            | truth.rank            | 32.0 GB",
        "size-truth-file.yaml                  | truth.file            | 24.0 GB",
        "size-init-file.yaml                   | init.file             | 24.0 GB",
        "size-measurements-file.yaml           | measurements          | 24.0 GB",
        "size-explicit-file.yaml               | operator.file         | 24.0 GB",
        "size-phase-retrieval-vectors-file.yaml| operator.vectors      | 24.0 GB",
        "size-init-factor-file.yaml            | init.u                | 24.0 GB",
    })
    void aSpecTooLargeForTheHeapIsOneSpecError(String spec, String key, String size) {
        for (String command : new String[] {"run", "check"}) {
            Run r = riemopt(command, BAD.resolve(spec).toString());
            assertEquals(2, r.status(), command + " " + spec + ": " + r.err());
            assertEquals("", r.out(), command + " " + spec);
            assertEquals(1, r.err().lines().count(), r.err());
            String message = r.err().strip();
            assertTrue(message.startsWith("riemopt: spec key '" + key + "': "), message);
            assertTrue(message.contains(" = " + size), message);
            assertTrue(message.contains("RIEMOPT_JAVA_OPTS"), message);
            assertFalse(message.contains("Exception") || message.contains("Error"), message);
        }
    }

    /**
     * An operator that stores nothing (as an implicit transform would) but takes two billion measurements: the
     * vector {@code b = A(M*)} is sized before the operator is asked to fill it.
     */
    @Test
    void theMeasurementsOfAnImplicitOperatorAreSizedBeforeTheyAreMeasured() {
        OperatorProvider implicit = new OperatorProvider() {
            @Override
            public String name() {
                return "implicit-huge";
            }

            @Override
            public String description() {
                return "two billion measurements, no stored data";
            }

            @Override
            public List<ParameterSpec> parameters() {
                return List.of();
            }

            @Override
            public MeasurementOperator create(Parameters parameters, Context context) {
                return (MeasurementOperator) Proxy.newProxyInstance(MeasurementOperator.class.getClassLoader(),
                        new Class<?>[] {MeasurementOperator.class}, (proxy, method, args) -> switch (method.getName()) {
                            case "size" -> 2_000_000_000;
                            case "rows" -> context.rows();
                            case "cols" -> context.cols();
                            case "ownMeasurements" -> Optional.empty();
                            default -> throw new AssertionError(method.getName() + " was called");
                        });
            }
        };
        ProviderSource extra = new ProviderSource() {
            @Override
            public String label() {
                return "test";
            }

            @Override
            public List<Provider> providers(Family family, List<PluginProblem> problems) {
                return family == Family.OPERATOR ? List.of(implicit) : List.of();
            }
        };
        SpecLoader loader = new SpecLoader(new PluginRegistry(List.of(
                new ServiceLoaderSource(SpecSizesTest.class.getClassLoader()), extra)));
        SpecException e = assertThrows(SpecException.class, () -> loader.parse("manifold: {type: euclidean, rows: 10, "
                + "cols: 2}\noperator: {type: implicit-huge}\ntruth: {type: random, rank: 1}\n"));
        assertEquals("operator", e.key());
        assertTrue(e.getMessage().startsWith("spec key 'operator': the measurements b = A(M*) need 8·m = 16.0 GB"),
                e.getMessage());
        assertTrue(e.getMessage().contains("RIEMOPT_JAVA_OPTS"), e.getMessage());
    }

    /** A point archive ({@code run --save-point}'s {@code .npz}) is sized from its arrays' headers before it is read. */
    @Test
    void aPointArchiveIsSizedFromItsHeaders() throws IOException {
        // One entry whose .npy header declares a 100000 x 30000 float64 array (24 GB), and no values.
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (100000, 30000), }";
        int padded = ((10 + dict.length() + 1 + 63) / 64) * 64 - 10;
        ByteArrayOutputStream npy = new ByteArrayOutputStream();
        npy.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) padded, (byte) (padded >> 8)});
        npy.write((dict + " ".repeat(padded - dict.length() - 1) + "\n").getBytes(StandardCharsets.US_ASCII));
        Path archive = dir.resolve("point.npz");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(archive))) {
            zip.putNextEntry(new ZipEntry("matrix.npy"));
            zip.write(npy.toByteArray());
            zip.closeEntry();
        }
        Path spec = dir.resolve("spec.yaml");
        Files.writeString(spec, "manifold: {type: euclidean, rows: 10, cols: 2}\noperator: {type: gaussian, "
                + "measurements: 20}\ntruth: {type: random, rank: 1}\ninit: {file: point.npz}\n");
        Run r = riemopt("check", spec.toString());
        assertEquals(2, r.status(), r.err());
        assertEquals("", r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("riemopt: spec key 'init.file': the 3000000000 values of the arrays in " + archive
                + " need 8 bytes each = 24.0 GB"), r.err());
        assertTrue(r.err().contains("RIEMOPT_JAVA_OPTS"), r.err());
    }

    @Test
    void aSpecFileAboveTheLimitIsRefusedWithoutReadingIt() throws IOException {
        Path spec = dir.resolve("huge.yaml");
        try (RandomAccessFile file = new RandomAccessFile(spec.toFile(), "rw")) {
            // Sparse: 65 MiB of nothing on disk, refused from its size alone.
            file.setLength(65L << 20);
        }
        Run r = riemopt("run", spec.toString());
        assertEquals(2, r.status(), r.err());
        assertEquals("", r.out());
        assertEquals("riemopt: spec file " + spec + " is larger than 64 MiB; large data belongs in .npy or "
                + "MatrixMarket files ({file: path}, see docs/spec.md)", r.err().strip());
    }

    @Test
    void anEndlessDeviceAsTheSpecFileIsRefusedAtTheLimit() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.isReadable(zero), "a system with /dev/zero");
        Run r = riemopt("check", zero.toString());
        assertEquals(2, r.status(), r.err());
        assertEquals("", r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("spec file /dev/zero is larger than 64 MiB"), r.err());
    }
}
