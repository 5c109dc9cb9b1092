package org.riemopt.io;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;

import org.riemopt.linalg.DenseMatrix;

/**
 * Streams the values of a {@code .npy} array, after its {@link NpyHeader}, into a {@code double[]} in either
 * layout, checking that there are exactly as many bytes as the header declares and that every value is finite.
 */
final class NpyValues {

    /** Read chunk size: large enough to amortise the system calls, small enough to stay in cache. */
    private static final int CHUNK = 1 << 20;

    private NpyValues() {
    }

    /**
     * Reads the whole array as a column-major matrix ({@code n x 1} for a 1-D array).
     *
     * @param file the file named in error messages
     * @param in   positioned at the first value
     */
    static DenseMatrix readMatrix(Path file, NpyHeader header, ReadableByteChannel in) {
        double[] values = new double[ArrayFile.denseLength(file, header.rows(), header.cols())];
        read(file, header, in, values, 0, false);
        return DenseMatrix.wrap(header.rows(), header.cols(), values);
    }

    /**
     * Reads all values into {@code dest} (written from {@code offset}, {@code rows·cols} entries): entry
     * {@code (i, j)} goes to {@code offset + i·cols + j} if {@code rowMajor}, else to {@code offset + i + j·rows}.
     *
     * @param file the file named in error messages
     * @param in   positioned at the first value; read to its end
     */
    static void read(Path file, NpyHeader header, ReadableByteChannel in, double[] dest, int offset,
            boolean rowMajor) {
        int size = header.dtype().size;
        long total = header.entries();
        // the file's fastest-running index is the column in C order, the row in Fortran order
        int inner = header.fortranOrder() ? header.rows() : header.cols();
        int outer = header.fortranOrder() ? header.cols() : header.rows();
        boolean contiguous = rowMajor != header.fortranOrder() || inner == 1 || outer == 1;
        ByteBuffer buffer = ByteBuffer.allocateDirect(CHUNK).order(header.order());
        double[] scratch = contiguous ? null : new double[CHUNK / size];
        int a = 0; // outer index of the next value in the scatter
        int b = 0; // inner index
        int target = offset; // where the scatter puts the next value: offset + b·outer + a
        long done = 0;
        while (done < total) {
            buffer.clear();
            buffer.limit((int) Math.min(CHUNK, (total - done) * size));
            int got = NpyHeader.readFully(file, in, buffer);
            if (got < buffer.limit()) {
                throw new DataFileException(file, "truncated data: the header declares " + header.rows() + "x"
                        + header.cols() + " values of " + size + " bytes = " + header.dataBytes()
                        + " bytes, found " + (done * size + got));
            }
            buffer.flip();
            int n = got / size;
            if (contiguous) {
                int from = offset + (int) done;
                decode(header, buffer, n, dest, from);
                for (int k = 0; k < n; k++) {
                    if (!Double.isFinite(dest[from + k])) {
                        throw nonFinite(file, header, done + k, dest[from + k]);
                    }
                }
            } else {
                decode(header, buffer, n, scratch, 0);
                for (int k = 0; k < n; k++) {
                    double v = scratch[k];
                    if (!Double.isFinite(v)) {
                        throw nonFinite(file, header, done + k, v);
                    }
                    dest[target] = v;
                    target += outer;
                    if (++b == inner) {
                        b = 0;
                        target = offset + ++a;
                    }
                }
            }
            done += n;
        }
        requireEnd(file, header, in, buffer);
    }

    /** Converts {@code n} values from the start of {@code buffer} to doubles at {@code out[from...]}. */
    private static void decode(NpyHeader header, ByteBuffer buffer, int n, double[] out, int from) {
        switch (header.dtype()) {
            case FLOAT64 -> buffer.asDoubleBuffer().get(out, from, n);
            case FLOAT32 -> {
                FloatBuffer f = buffer.asFloatBuffer();
                for (int k = 0; k < n; k++) {
                    out[from + k] = f.get(k);
                }
            }
            case INT32 -> {
                IntBuffer ints = buffer.asIntBuffer();
                for (int k = 0; k < n; k++) {
                    out[from + k] = ints.get(k);
                }
            }
            case INT64 -> {
                LongBuffer longs = buffer.asLongBuffer();
                for (int k = 0; k < n; k++) {
                    out[from + k] = longs.get(k); // rounded to the nearest double beyond 2^53
                }
            }
        }
    }

    /** Fails if the channel holds anything after the declared values, saying how much. */
    private static void requireEnd(Path file, NpyHeader header, ReadableByteChannel in, ByteBuffer buffer) {
        long extra = 0;
        int got;
        do {
            buffer.clear();
            got = NpyHeader.readFully(file, in, buffer);
            extra += got;
        } while (got == buffer.capacity());
        if (extra > 0) {
            throw new DataFileException(file, "trailing data: " + extra + " bytes after the "
                    + header.dataBytes() + " bytes of values the header declares");
        }
    }

    private static DataFileException nonFinite(Path file, NpyHeader header, long fileIndex, double v) {
        long i = header.fortranOrder() ? fileIndex % header.rows() : fileIndex / header.cols();
        long j = header.fortranOrder() ? fileIndex / header.rows() : fileIndex % header.cols();
        return new DataFileException(file, "non-finite value " + v + " at row " + i + ", column " + j
                + " (0-based); every value must be finite");
    }
}
