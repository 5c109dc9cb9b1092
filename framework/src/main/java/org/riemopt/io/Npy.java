package org.riemopt.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.riemopt.linalg.DenseMatrix;

/**
 * Writes NumPy {@code .npy} files: a 2-D little-endian float64 array ({@code '<f8'}) in C order, format version
 * 1.0, which {@code numpy.load} reads as it is. Read them back with {@link ArrayFile}.
 */
public final class Npy {

    /** numpy aligns the start of the data to this many bytes. */
    private static final int ALIGNMENT = 64;

    private Npy() {
    }

    /**
     * Writes {@code m} to {@code path} atomically (a complete new file or none).
     *
     * @throws java.io.UncheckedIOException if the file cannot be written
     */
    public static void write(Path path, DenseMatrix m) {
        AtomicFiles.write(path, out -> writeTo(out, m));
    }

    /** Writes the complete {@code .npy} content of {@code m}; the stream is left open. */
    static void writeTo(OutputStream out, DenseMatrix m) throws IOException {
        out.write(header(m));
        int rows = m.rows();
        int cols = m.cols();
        double[] data = m.data();
        ByteBuffer chunk = ByteBuffer.allocate((int) Math.min(1 << 20, Math.max(8, 8L * rows * cols)))
                .order(ByteOrder.LITTLE_ENDIAN);
        // C order: the column-major data is transposed on the way out
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (!chunk.hasRemaining()) {
                    out.write(chunk.array(), 0, chunk.position());
                    chunk.clear();
                }
                chunk.putDouble(data[i + j * rows]);
            }
        }
        out.write(chunk.array(), 0, chunk.position());
    }

    /** The number of bytes {@link #writeTo} writes. */
    static long byteSize(DenseMatrix m) {
        return header(m).length + 8L * m.rows() * m.cols();
    }

    /** Magic, version 1.0, header length and the header dict padded with spaces and a newline. */
    private static byte[] header(DenseMatrix m) {
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + m.rows() + ", " + m.cols() + "), }";
        int prefix = 10; // magic (6), version (2), header length (2)
        int padded = (prefix + dict.length() + 1 + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
        String text = dict + " ".repeat(padded - prefix - dict.length() - 1) + "\n";
        ByteBuffer header = ByteBuffer.allocate(padded).order(ByteOrder.LITTLE_ENDIAN);
        header.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        header.putShort((short) text.length());
        header.put(text.getBytes(StandardCharsets.US_ASCII));
        return header.array();
    }
}
