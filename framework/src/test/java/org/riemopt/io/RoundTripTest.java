package org.riemopt.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riemopt.linalg.DenseMatrix;

/** Writes with {@link Npy}, {@link Npz} and {@link MatrixMarket} and reads back bit-identically. */
class RoundTripTest {

    @TempDir
    Path dir;

    /** Awkward doubles: subnormal, extremes, negative zero, values without a short decimal form. */
    private static DenseMatrix awkward(int rows, int cols, long seed) {
        Random random = new Random(seed);
        double[] special = {Double.MIN_VALUE, Double.MAX_VALUE, -0.0, 1e-300, 0.1, -Math.PI, Math.ulp(1.0)};
        double[] d = new double[rows * cols];
        for (int k = 0; k < d.length; k++) {
            d[k] = k < special.length ? special[k] : random.nextGaussian() * Math.exp(20 * random.nextGaussian());
        }
        return DenseMatrix.wrap(rows, cols, d);
    }

    private static void assertBitIdentical(DenseMatrix expected, DenseMatrix actual) {
        assertEquals(expected.rows(), actual.rows());
        assertEquals(expected.cols(), actual.cols());
        for (int k = 0; k < expected.data().length; k++) {
            assertEquals(Double.doubleToRawLongBits(expected.data()[k]), Double.doubleToRawLongBits(actual.data()[k]),
                    "entry " + k);
        }
    }

    @Test
    void npyRoundTripIsBitIdentical() throws IOException {
        DenseMatrix m = awkward(7, 5, 1);
        Path file = dir.resolve("m.npy");
        Npy.write(file, m);
        assertBitIdentical(m, ArrayFile.open(file).readMatrix());
        assertEquals(0, Files.size(file) % 8); // data starts 64-byte aligned
    }

    @Test
    void npzRoundTripKeepsOrderAndValues() {
        Map<String, DenseMatrix> arrays = new LinkedHashMap<>();
        arrays.put("z", awkward(3, 2, 2));
        arrays.put("a", awkward(1, 9, 3));
        arrays.put("empty", DenseMatrix.zeros(0, 4));
        Path file = dir.resolve("arrays.npz");
        Npz.write(file, arrays);
        Map<String, DenseMatrix> back = Npz.read(file);
        assertEquals(List.of("z", "a", "empty"), List.copyOf(back.keySet()));
        arrays.forEach((name, m) -> assertBitIdentical(m, back.get(name)));
    }

    @Test
    void matrixMarketArrayRoundTripIsBitIdentical() {
        DenseMatrix m = awkward(6, 4, 4);
        Path file = dir.resolve("m.mtx");
        MatrixMarket.writeArray(file, m);
        assertBitIdentical(m, ArrayFile.open(file).readMatrix());
    }

    @Test
    void matrixMarketCoordinateRoundTripIsBitIdentical() {
        Coordinates c = new Coordinates(5, 3, new int[] {4, 0, 2, 4}, new int[] {2, 0, 1, 0},
                new double[] {0.1, -Math.PI, Double.MIN_VALUE, 1e300});
        Path file = dir.resolve("c.mtx");
        MatrixMarket.writeCoordinate(file, c);
        Coordinates back = ArrayFile.open(file).readCoordinates();
        assertEquals(5, back.rows());
        assertEquals(3, back.cols());
        assertArrayEquals(c.rowIndex(), back.rowIndex());
        assertArrayEquals(c.colIndex(), back.colIndex());
        assertArrayEquals(c.values(), back.values(), 0.0);
    }

    @Test
    void largeMatrixThroughRowMajorFastPath() {
        int rows = 200;
        int cols = 5000;
        DenseMatrix m = awkward(rows, cols, 5);
        Path file = dir.resolve("large.npy");
        Npy.write(file, m);
        ArrayFile array = ArrayFile.open(file);
        double[] dest = new double[rows * cols + 3];
        array.readRowMajor(dest, 3);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                assertEquals(Double.doubleToRawLongBits(m.get(i, j)),
                        Double.doubleToRawLongBits(dest[3 + i * cols + j]), "(" + i + ", " + j + ")");
            }
        }
        assertBitIdentical(m, array.readMatrix());
    }

    @Test
    void failedWriteLeavesTheOldFileAndNoTemporary() throws IOException {
        Path file = dir.resolve("keep.npz");
        Npz.write(file, Map.of("x", DenseMatrix.identity(2)));
        byte[] before = Files.readAllBytes(file);
        Map<String, DenseMatrix> bad = new LinkedHashMap<>();
        bad.put("ok", DenseMatrix.identity(3));
        bad.put("broken", null); // fails after the first entry is written
        assertThrows(NullPointerException.class, () -> Npz.write(file, bad));
        assertArrayEquals(before, Files.readAllBytes(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void unwritableTargetIsAnUncheckedIoException() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x").resolve("m.npy");
        assertThrows(UncheckedIOException.class, () -> Npy.write(file, DenseMatrix.identity(2)));
    }

    @Test
    void missingFoldersAreCreatedWithTheFile() {
        Path file = dir.resolve("new").resolve("deeper").resolve("m.npy");
        Npy.write(file, DenseMatrix.identity(2));
        assertBitIdentical(DenseMatrix.identity(2), ArrayFile.open(file).readMatrix());
    }
}
