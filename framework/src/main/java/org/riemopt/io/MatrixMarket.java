package org.riemopt.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.riemopt.linalg.DenseMatrix;

/**
 * Writes MatrixMarket {@code .mtx} files (real, general), for tests and exports. Values are written in Java's
 * shortest round-trip form, so reading them back with {@link ArrayFile} gives the same doubles bit for bit.
 */
public final class MatrixMarket {

    private MatrixMarket() {
    }

    /**
     * Writes {@code m} atomically as {@code %%MatrixMarket matrix array real general}: the size line, then the
     * values column-major, one per line.
     *
     * @throws java.io.UncheckedIOException if the file cannot be written
     */
    public static void writeArray(Path path, DenseMatrix m) {
        AtomicFiles.write(path, out -> {
            Writer w = writer(out, "array");
            w.write(m.rows() + " " + m.cols() + "\n");
            for (double v : m.data()) {
                w.write(Double.toString(v));
                w.write('\n');
            }
            w.flush();
        });
    }

    /**
     * Writes {@code c} atomically as {@code %%MatrixMarket matrix coordinate real general}: the size line with
     * the entry count, then one {@code i j value} line per entry with 1-based indices, in the given order.
     *
     * @throws IllegalArgumentException      if an index is out of range
     * @throws java.io.UncheckedIOException if the file cannot be written
     */
    public static void writeCoordinate(Path path, Coordinates c) {
        for (int k = 0; k < c.size(); k++) {
            if (c.rowIndex()[k] < 0 || c.rowIndex()[k] >= c.rows() || c.colIndex()[k] < 0
                    || c.colIndex()[k] >= c.cols()) {
                throw new IllegalArgumentException("entry " + k + " at (" + c.rowIndex()[k] + ", "
                        + c.colIndex()[k] + ") is outside the " + c.rows() + "x" + c.cols() + " matrix");
            }
        }
        AtomicFiles.write(path, out -> {
            Writer w = writer(out, "coordinate");
            w.write(c.rows() + " " + c.cols() + " " + c.size() + "\n");
            for (int k = 0; k < c.size(); k++) {
                w.write((c.rowIndex()[k] + 1) + " " + (c.colIndex()[k] + 1) + " " + c.values()[k] + "\n");
            }
            w.flush();
        });
    }

    /** A writer on {@code out} (left open) that has written the banner line. */
    private static Writer writer(OutputStream out, String format) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.US_ASCII), 1 << 16);
        w.write("%%MatrixMarket matrix " + format + " real general\n");
        return w;
    }
}
