package org.riemopt.plugins.operators;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A minimal, strict reader of MatrixMarket coordinate files (NIST, "The Matrix Market exchange formats: initial
 * design", 1996): the header {@code %%MatrixMarket matrix coordinate real general} (or {@code integer}), comment
 * lines starting with {@code %}, a size line {@code m n nnz}, then exactly {@code nnz} lines {@code i j value} with
 * 1-based indices. Anything else is an error naming the file and the line. Kept in one class so that it can give way
 * to a shared file reader.
 */
final class MatrixMarketReader {

    /**
     * The entries of a file, converted to 0-based indices.
     *
     * @param rows  {@code m} of the size line
     * @param cols  {@code n} of the size line
     * @param row   the row of each entry, in file order
     * @param col   the column of each entry
     * @param value the value of each entry
     */
    record Entries(int rows, int cols, int[] row, int[] col, double[] value) {
    }

    private final Path file;
    private int lineNumber;

    private MatrixMarketReader(Path file) {
        this.file = file;
    }

    /**
     * Reads {@code file}.
     *
     * @throws IllegalArgumentException naming the file and line of the first malformed, missing or extra line, or
     *                                  if the file cannot be read
     */
    static Entries read(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            return new MatrixMarketReader(file).parse(in);
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("cannot read MatrixMarket file " + file + ": " + e.getMessage(), e);
        }
    }

    private Entries parse(BufferedReader in) throws IOException {
        String header = in.readLine();
        lineNumber = 1;
        if (header == null || !header.trim().toLowerCase().matches(
                "%%matrixmarket\\s+matrix\\s+coordinate\\s+(real|integer)\\s+general")) {
            throw error("expected the header '%%MatrixMarket matrix coordinate real general', got "
                    + (header == null ? "an empty file" : "'" + header + "'"));
        }
        String line = nextDataLine(in);
        if (line == null) {
            throw error("the file ends before the size line 'rows cols entries'");
        }
        String[] size = fields(line, 3, "the size line 'rows cols entries'");
        int rows = integer(size[0], "rows", 1);
        int cols = integer(size[1], "cols", 1);
        int count = integer(size[2], "entries", 0);
        int[] row = new int[count];
        int[] col = new int[count];
        double[] value = new double[count];
        for (int k = 0; k < count; k++) {
            line = nextDataLine(in);
            if (line == null) {
                throw error("the file ends after " + k + " of the " + count + " entries of its size line");
            }
            String[] entry = fields(line, 3, "an entry 'row col value'");
            row[k] = integer(entry[0], "row", 1) - 1;
            col[k] = integer(entry[1], "column", 1) - 1;
            if (row[k] >= rows || col[k] >= cols) {
                throw error("entry (" + entry[0] + ", " + entry[1] + ") is outside the " + rows + " x " + cols
                        + " matrix of the size line (indices are 1-based)");
            }
            value[k] = number(entry[2]);
        }
        if (nextDataLine(in) != null) {
            throw error("more entries than the " + count + " of the size line");
        }
        return new Entries(rows, cols, row, col, value);
    }

    /** The next line that is neither a comment nor blank, or null at the end of the file. */
    private String nextDataLine(BufferedReader in) throws IOException {
        String line;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && trimmed.charAt(0) != '%') {
                return trimmed;
            }
        }
        return null;
    }

    private String[] fields(String line, int count, String what) {
        String[] out = line.split("\\s+");
        if (out.length != count) {
            throw error("expected " + what + " (" + count + " fields), got '" + line + "'");
        }
        return out;
    }

    private int integer(String text, String what, int min) {
        try {
            int v = Integer.parseInt(text);
            if (v >= min) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below, with the line
        }
        throw error(what + " must be an integer ≥ " + min + ", got '" + text + "'");
    }

    private double number(String text) {
        try {
            double v = Double.parseDouble(text);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below, with the line
        }
        throw error("the value must be a finite number, got '" + text + "'");
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException("MatrixMarket file " + file + ", line " + lineNumber + ": " + message);
    }
}
