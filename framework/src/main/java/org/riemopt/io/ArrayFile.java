package org.riemopt.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

import org.riemopt.linalg.DenseMatrix;

/**
 * A numeric 1-D or 2-D array stored in a NumPy {@code .npy} or MatrixMarket {@code .mtx} file: the header is read
 * by {@link #open}, the values on demand by one of the read methods (each reads the file again, so it may be
 * called more than once).
 *
 * <p>Every read checks that the file holds exactly the data the header declares and that every value is finite,
 * and throws {@link DataFileException} otherwise. Values of any supported type are converted to {@code double}.
 */
public final class ArrayFile {

    /** The longest Java array the JVM reliably allocates. */
    static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    private final Path path;
    private final int rows;
    private final int cols;
    private final boolean oneDimensional;
    /** The header of a .npy file, null for .mtx. */
    private final NpyHeader npy;
    /** The header of a .mtx file, null for .npy. */
    private final MatrixMarketReader.Header mtx;

    private ArrayFile(Path path, NpyHeader npy, MatrixMarketReader.Header mtx) {
        this.path = path;
        this.npy = npy;
        this.mtx = mtx;
        this.rows = npy != null ? npy.rows() : mtx.rows();
        this.cols = npy != null ? npy.cols() : mtx.cols();
        this.oneDimensional = npy != null && npy.oneDimensional();
    }

    /**
     * Opens {@code path} and reads its header; the format comes from the extension, {@code .npy} or {@code .mtx}
     * (any case).
     *
     * @throws DataFileException if the extension is neither, the file is missing or unreadable, or the header is
     *                           malformed or describes an unsupported array
     */
    public static ArrayFile open(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".npy")) {
            try (FileChannel channel = FileChannel.open(path)) {
                return new ArrayFile(path, NpyHeader.read(path, channel), null);
            } catch (IOException e) {
                throw DataFileException.cannotRead(path, e);
            }
        }
        if (name.endsWith(".mtx")) {
            try (MatrixMarketReader reader = new MatrixMarketReader(path)) {
                return new ArrayFile(path, null, reader.header());
            }
        }
        throw new DataFileException(path, "unknown file type; expected a .npy or .mtx file");
    }

    /** The file. */
    public Path path() {
        return path;
    }

    /** The number of rows; a 1-D array of length {@code n} counts as {@code n x 1}. */
    public int rows() {
        return rows;
    }

    /** The number of columns. */
    public int cols() {
        return cols;
    }

    /** True for a 1-D {@code .npy} array and for any {@code n x 1} or {@code 1 x n} array. */
    public boolean isVector() {
        return oneDimensional || rows == 1 || cols == 1;
    }

    /** True for a MatrixMarket coordinate (sparse) file. */
    public boolean isSparse() {
        return mtx != null && mtx.coordinate();
    }

    /** The number of values stored: {@code rows·cols} for a dense file, the number of entries for a sparse one. */
    public long storedEntries() {
        return isSparse() ? mtx.entries() : (long) rows * cols;
    }

    /**
     * Reads the whole array as a column-major matrix; a sparse file is densified, duplicate entries summed.
     *
     * @throws DataFileException if the data is bad, or the matrix has more than {@code Integer.MAX_VALUE - 8}
     *                           entries
     */
    public DenseMatrix readMatrix() {
        if (npy != null) {
            try (FileChannel channel = openAtValues()) {
                return NpyValues.readMatrix(path, npy, channel);
            } catch (IOException e) {
                throw DataFileException.cannotRead(path, e);
            }
        }
        int length = denseLength(path, rows, cols);
        if (isSparse()) {
            Coordinates c = readCoordinates();
            double[] dense = new double[length];
            for (int k = 0; k < c.size(); k++) {
                dense[c.rowIndex()[k] + c.colIndex()[k] * rows] += c.values()[k];
            }
            return DenseMatrix.wrap(rows, cols, dense);
        }
        double[] dense = new double[length];
        try (MatrixMarketReader reader = new MatrixMarketReader(path)) {
            reader.readArray(dense, 0, false);
        }
        return DenseMatrix.wrap(rows, cols, dense);
    }

    /**
     * Reads a vector: a 1-D array, or an {@code n x 1} or {@code 1 x n} one.
     *
     * @return a fresh array of the {@code n} values
     * @throws DataFileException if the array is not a vector, or the data is bad
     */
    public double[] readVector() {
        if (!isVector()) {
            throw new DataFileException(path, "found a " + rows + "x" + cols
                    + " matrix, expected a vector (1-D, n x 1 or 1 x n)");
        }
        return readMatrix().data();
    }

    /**
     * Reads a dense file row-major into {@code dest}: {@code dest[offset + i·cols + j] = A(i, j)}, streamed
     * without a full-size intermediate copy. Writes exactly {@code rows·cols} entries of {@code dest}.
     *
     * @throws IndexOutOfBoundsException if {@code dest} has no room for {@code rows·cols} entries from
     *                                   {@code offset}
     * @throws DataFileException         if the file is sparse, or the data is bad
     */
    public void readRowMajor(double[] dest, int offset) {
        if (isSparse()) {
            throw new DataFileException(path, "readRowMajor needs a dense file, this is a sparse (coordinate) "
                    + "MatrixMarket file; use readCoordinates or readMatrix");
        }
        long size = (long) rows * cols;
        if (offset < 0 || offset + size > dest.length) {
            throw new IndexOutOfBoundsException("a " + rows + "x" + cols + " array does not fit in "
                    + dest.length + " entries from offset " + offset);
        }
        if (npy != null) {
            try (FileChannel channel = openAtValues()) {
                NpyValues.read(path, npy, channel, dest, offset, true);
            } catch (IOException e) {
                throw DataFileException.cannotRead(path, e);
            }
        } else {
            try (MatrixMarketReader reader = new MatrixMarketReader(path)) {
                reader.readArray(dest, offset, true);
            }
        }
    }

    /**
     * Reads a sparse (coordinate) MatrixMarket file with 0-based indices; symmetric and skew-symmetric storage is
     * expanded (off-diagonal entries mirrored, negated if skew-symmetric).
     *
     * @throws DataFileException if the file is dense or a pattern file, or the data is bad
     */
    public Coordinates readCoordinates() {
        if (!isSparse()) {
            throw new DataFileException(path, "readCoordinates needs a sparse (coordinate) MatrixMarket file, "
                    + "this is a dense " + (npy != null ? ".npy" : "array MatrixMarket") + " file");
        }
        try (MatrixMarketReader reader = new MatrixMarketReader(path)) {
            return reader.readCoordinates();
        }
    }

    /**
     * The length of a column-major array holding a {@code rows x cols} matrix.
     *
     * @throws DataFileException naming {@code file} if it exceeds the largest Java array
     */
    static int denseLength(Path file, int rows, int cols) {
        long length = (long) rows * cols;
        if (length > MAX_ARRAY) {
            throw new DataFileException(file, "a " + rows + "x" + cols + " matrix has " + length
                    + " entries, more than a Java array holds (" + MAX_ARRAY + ")");
        }
        return (int) length;
    }

    private FileChannel openAtValues() throws IOException {
        FileChannel channel = FileChannel.open(path);
        channel.position(npy.dataOffset());
        return channel;
    }
}
