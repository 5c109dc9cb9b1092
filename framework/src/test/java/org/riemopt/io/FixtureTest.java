package org.riemopt.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.riemopt.linalg.DenseMatrix;

/** Reads the files written by numpy and scipy in {@code src/test/resources/io/make_fixtures.py}. */
class FixtureTest {

    /** The 3 x 4 fixture matrix, A(i, j) = 10 i + j, row-major. */
    private static final double[] A_ROW_MAJOR = {0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23};

    static Path fixture(String name) {
        try {
            return Path.of(FixtureTest.class.getResource("/io/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertIsA(DenseMatrix m) {
        assertEquals(3, m.rows());
        assertEquals(4, m.cols());
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(10 * i + j, m.get(i, j), 0.0, "(" + i + ", " + j + ")");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"c_f8.npy", "fortran_f8.npy", "c_f4.npy", "fortran_i8.npy", "c_i4.npy", "big_f8.npy",
            "big_fortran_i4.npy", "v2_f8.npy", "array.mtx"})
    void everyDenseLayoutAndTypeReadsTheSameMatrix(String name) {
        ArrayFile file = ArrayFile.open(fixture(name));
        assertEquals(3, file.rows());
        assertEquals(4, file.cols());
        assertFalse(file.isVector());
        assertFalse(file.isSparse());
        assertEquals(12, file.storedEntries());
        assertIsA(file.readMatrix());
        double[] dest = new double[14];
        file.readRowMajor(dest, 1);
        assertArrayEquals(A_ROW_MAJOR, Arrays.copyOfRange(dest, 1, 13), 0.0);
        assertEquals(0, dest[0], 0.0);
        assertEquals(0, dest[13], 0.0);
    }

    @Test
    void oneDimensionalArrayIsAColumnVector() {
        ArrayFile file = ArrayFile.open(fixture("vector.npy"));
        assertTrue(file.isVector());
        assertEquals(5, file.rows());
        assertEquals(1, file.cols());
        assertArrayEquals(new double[] {0, 0.5, 1, 1.5, 2}, file.readVector(), 0.0);
        assertEquals(1, file.readMatrix().cols());
    }

    @Test
    void npzKeepsArchiveOrderAndNames() {
        Map<String, DenseMatrix> arrays = Npz.read(fixture("pair.npz"));
        assertEquals(List.of("a", "v"), List.copyOf(arrays.keySet()));
        assertIsA(arrays.get("a"));
        DenseMatrix v = arrays.get("v");
        assertEquals(3, v.rows());
        assertEquals(1, v.cols());
        assertArrayEquals(new double[] {0, 1, 2}, v.data(), 0.0);
    }

    @Test
    void symmetricArrayIsExpandedFromItsLowerTriangle() {
        DenseMatrix m = ArrayFile.open(fixture("array_sym.mtx")).readMatrix();
        assertArrayEquals(new double[][] {{1, 2, 4}, {2, 3, 5}, {4, 5, 6}}, m.toRows());
    }

    @Test
    void coordinateFileGivesZeroBasedEntries() {
        ArrayFile file = ArrayFile.open(fixture("coord.mtx"));
        assertTrue(file.isSparse());
        assertEquals(3, file.storedEntries());
        Coordinates c = file.readCoordinates();
        assertEquals(3, c.rows());
        assertEquals(4, c.cols());
        assertArrayEquals(new int[] {0, 2, 1}, c.rowIndex());
        assertArrayEquals(new int[] {3, 0, 1}, c.colIndex());
        assertArrayEquals(new double[] {1.5, -2.0, 3.25}, c.values(), 0.0);
        assertArrayEquals(new double[][] {{0, 0, 0, 1.5}, {0, 3.25, 0, 0}, {-2, 0, 0, 0}},
                file.readMatrix().toRows());
    }

    @Test
    void symmetricCoordinateFileMirrorsOffDiagonalEntries() {
        ArrayFile file = ArrayFile.open(fixture("coord_sym.mtx"));
        Coordinates c = file.readCoordinates();
        assertEquals(5, c.size());
        assertArrayEquals(new double[][] {{1, 0, 2}, {0, 0, 3}, {2, 3, 0}}, file.readMatrix().toRows());
    }
}
