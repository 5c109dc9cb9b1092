package org.riemopt.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.riemopt.linalg.DenseMatrix;

/** Broken and unsuitable files: each error names the file and says what was expected. */
class BadFileTest {

    @TempDir
    Path dir;

    /** Asserts {@code action} throws a DataFileException for {@code file} whose message contains every part. */
    private static void assertFails(Path file, Executable action, String... parts) {
        DataFileException e = assertThrows(DataFileException.class, action);
        assertEquals(file, e.file());
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' not in: " + e.getMessage());
        }
    }

    /** A version 1.0 .npy file with the given header dict and raw data bytes. */
    private Path npy(String name, String dict, byte[] data) throws IOException {
        byte[] text = (dict + "\n").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(10 + text.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) text.length);
        b.put(text).put(data);
        return Files.write(dir.resolve(name), b.array());
    }

    private static byte[] doubles(double... values) {
        ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            b.putDouble(v);
        }
        return b.array();
    }

    private Path text(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void missingFile() {
        Path file = dir.resolve("absent.npy");
        assertFails(file, () -> ArrayFile.open(file), "no such file");
        Path archive = dir.resolve("absent.npz");
        assertFails(archive, () -> Npz.read(archive), "no such file");
    }

    @Test
    void badExtensionListsTheAllowedOnes() throws IOException {
        Path file = text("data.csv", "1,2\n");
        assertFails(file, () -> ArrayFile.open(file), ".npy", ".mtx");
    }

    @Test
    void badMagic() throws IOException {
        Path file = text("fake.npy", "PK\u0003\u0004 not numpy at all");
        assertFails(file, () -> ArrayFile.open(file), "not a .npy file", "NUMPY");
    }

    @Test
    void headerIsParsedInAnyKeyOrderWithSpacesAndTrailingComma() throws IOException {
        Path file = npy("loose.npy", "{ 'shape' : ( 2 , ) ,'fortran_order':False,  \"descr\": '<f8' ,}",
                doubles(1, 2));
        assertEquals(2, ArrayFile.open(file).readVector().length);
    }

    @Test
    void truncatedDataGivesExpectedAndFoundBytes() throws IOException {
        Path file = npy("short.npy", "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }", doubles(1, 2, 3));
        assertFails(file, () -> ArrayFile.open(file).readMatrix(), "truncated", "32 bytes", "found 24");
    }

    @Test
    void trailingDataIsRefused() throws IOException {
        Path file = npy("long.npy", "{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }", doubles(1, 2, 3, 4));
        assertFails(file, () -> ArrayFile.open(file).readVector(), "trailing data", "8 bytes");
    }

    @Test
    void unsupportedDtypeNamesItAndTheAllowedOnes() throws IOException {
        Path file = npy("complex.npy", "{'descr': '<c16', 'fortran_order': False, 'shape': (1,), }", new byte[16]);
        assertFails(file, () -> ArrayFile.open(file), "'<c16'", NpyHeader.ALLOWED_DTYPES);
        Path bool = npy("bool.npy", "{'descr': '|b1', 'fortran_order': False, 'shape': (1,), }", new byte[1]);
        assertFails(bool, () -> ArrayFile.open(bool), "'|b1'");
    }

    @Test
    void threeDimensionsAndScalarsAreRefused() throws IOException {
        Path cube = npy("cube.npy", "{'descr': '<f8', 'fortran_order': False, 'shape': (1, 1, 1), }", doubles(1));
        assertFails(cube, () -> ArrayFile.open(cube), "3 dimensions", "(1, 1, 1)", "1-D or 2-D");
        Path scalar = npy("scalar.npy", "{'descr': '<f8', 'fortran_order': False, 'shape': (), }", doubles(1));
        assertFails(scalar, () -> ArrayFile.open(scalar), "0 dimensions");
    }

    @Test
    void nonFiniteValueNamesRowAndColumn() throws IOException {
        Path file = dir.resolve("nan.npy");
        double[] d = new double[6];
        d[1 + 2 * 2] = Double.NaN; // (1, 2) of a 2 x 3 matrix
        Npy.write(file, DenseMatrix.wrap(2, 3, d));
        assertFails(file, () -> ArrayFile.open(file).readMatrix(), "NaN", "row 1, column 2");
        assertFails(file, () -> ArrayFile.open(file).readRowMajor(new double[6], 0), "NaN", "row 1, column 2");
        Path mtx = text("inf.mtx", "%%MatrixMarket matrix coordinate real general\n2 2 1\n2 1 -inf\n");
        assertFails(mtx, () -> ArrayFile.open(mtx).readCoordinates(), "line 3", "-Infinity", "row 1, column 0");
    }

    @Test
    void vectorRequestedFromAMatrix() throws IOException {
        Path file = dir.resolve("m.npy");
        Npy.write(file, DenseMatrix.zeros(2, 3));
        assertFails(file, () -> ArrayFile.open(file).readVector(), "2x3", "expected a vector");
    }

    @Test
    void coordinateIndexOutOfRangeNamesTheLine() throws IOException {
        Path file = text("range.mtx", "%%MatrixMarket matrix coordinate real general\n% comment\n\n3 3 2\n1 1 1.0\n"
                + "4 1 2.0\n");
        assertFails(file, () -> ArrayFile.open(file).readCoordinates(), "line 6", "row index 4", "1..3");
    }

    @Test
    void wrongEntryCountsAndGarbageNameTheLine() throws IOException {
        Path few = text("few.mtx", "%%MatrixMarket matrix coordinate real general\n3 3 3\n1 1 1\n2 2 2\n");
        assertFails(few, () -> ArrayFile.open(few).readMatrix(), "3 entries", "found 2");
        Path many = text("many.mtx", "%%MatrixMarket matrix array real general\n1 2\n1\n2\n3\n");
        assertFails(many, () -> ArrayFile.open(many).readMatrix(), "line 5", "more entries than the 2");
        Path garbage = text("garbage.mtx", "%%MatrixMarket matrix coordinate real general\n2 2 1\n1 x1 2\n");
        assertFails(garbage, () -> ArrayFile.open(garbage).readCoordinates(), "line 3", "'x1'", "column index");
        Path extra = text("extra.mtx", "%%MatrixMarket matrix coordinate integer general\n2 2 1\n1 1 2 7\n");
        assertFails(extra, () -> ArrayFile.open(extra).readCoordinates(), "line 3", "'7'");
    }

    @Test
    void complexMatrixMarketIsRefusedWithTheAllowedTypes() throws IOException {
        Path file = text("z.mtx", "%%MatrixMarket matrix coordinate complex hermitian\n1 1 1\n1 1 1 0\n");
        assertFails(file, () -> ArrayFile.open(file), "complex hermitian", "real|integer|pattern");
    }

    @Test
    void readCoordinatesOnADenseFile() throws IOException {
        Path file = dir.resolve("dense.npy");
        Npy.write(file, DenseMatrix.identity(2));
        assertFails(file, () -> ArrayFile.open(file).readCoordinates(), "needs a sparse (coordinate)");
    }

    @Test
    void patternFileHasNoValues() throws IOException {
        Path file = text("p.mtx", "%%MatrixMarket matrix coordinate pattern general\n2 2 1\n1 2\n");
        ArrayFile array = ArrayFile.open(file);
        assertTrue(array.isSparse());
        assertFails(file, array::readCoordinates, "pattern", "real or integer");
        assertFails(file, array::readMatrix, "pattern");
    }

    @Test
    void skewSymmetricStorageIsNegatedWhenMirrored() throws IOException {
        Path array = text("skew.mtx", "%%MatrixMarket matrix array real skew-symmetric\n3 3\n1\n2\n3\n");
        double[] dest = new double[9];
        Arrays.fill(dest, 99);
        ArrayFile.open(array).readRowMajor(dest, 0);
        assertEquals(Arrays.toString(new double[] {0, -1, -2, 1, 0, -3, 2, 3, 0}), Arrays.toString(dest));
        Path coord = text("skewc.mtx", "%%MatrixMarket matrix coordinate integer skew-symmetric\n2 2 1\n2 1 5\n");
        Coordinates c = ArrayFile.open(coord).readCoordinates();
        assertEquals("[5.0, -5.0]", Arrays.toString(c.values()));
        assertEquals("[1, 0]", Arrays.toString(c.rowIndex()));
    }

    @Test
    void badNpzEntryIsNamed() throws IOException {
        Path file = dir.resolve("bad.npz");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("w.npy"));
            zip.write(Files.readAllBytes(npy("w.npy", "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }",
                    doubles(1))));
            zip.closeEntry();
        }
        assertFails(file, () -> Npz.read(file), "entry 'w.npy'", "truncated", "16 bytes");
        Path notZip = text("notzip.npz", "plain text");
        assertFails(notZip, () -> Npz.read(notZip), "not a .npz");
    }
}
