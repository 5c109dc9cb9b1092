package org.riemopt.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads a real or integer MatrixMarket file ({@code array} or {@code coordinate}, {@code general},
 * {@code symmetric} or {@code skew-symmetric}; {@code pattern} headers are accepted but their values cannot be
 * read). The header is parsed on construction; one of the read methods then consumes the values.
 */
final class MatrixMarketReader implements AutoCloseable {

    /** The value type of the entries. */
    enum Field { REAL, INTEGER, PATTERN }

    /** How the entries not stored are implied. */
    enum Symmetry { GENERAL, SYMMETRIC, SKEW_SYMMETRIC }

    /**
     * The banner and size line.
     *
     * @param coordinate true for the sparse {@code coordinate} format, false for the dense {@code array} format
     * @param field      value type
     * @param symmetry   storage scheme
     * @param rows       number of rows
     * @param cols       number of columns
     * @param entries    entry lines that follow: nnz for coordinate, the stored part of the matrix for array
     */
    record Header(boolean coordinate, Field field, Symmetry symmetry, int rows, int cols, long entries) {
    }

    private static final String ALLOWED_BANNER = "%%MatrixMarket matrix array|coordinate real|integer|pattern "
            + "general|symmetric|skew-symmetric";

    private final Path file;
    private final InputStream in;
    private final LineTokenizer tokens;
    private final Header header;

    /**
     * Opens {@code file} and parses its header.
     *
     * @throws DataFileException if the file is missing or the header is malformed or unsupported
     */
    MatrixMarketReader(Path file) {
        this.file = file;
        try {
            this.in = Files.newInputStream(file);
        } catch (IOException e) {
            throw DataFileException.cannotRead(file, e);
        }
        this.tokens = new LineTokenizer(file, in);
        try {
            this.header = readHeader();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The header. */
    Header header() {
        return header;
    }

    /**
     * Reads a dense ({@code array}) file into {@code dest} from {@code offset}: entry {@code (i, j)} goes to
     * {@code offset + i·cols + j} if {@code rowMajor}, else to {@code offset + i + j·rows}. Symmetric storage is
     * expanded.
     */
    void readArray(double[] dest, int offset, boolean rowMajor) {
        int rows = header.rows();
        int cols = header.cols();
        int rowStride = rowMajor ? cols : 1;
        int colStride = rowMajor ? 1 : rows;
        double sign = header.symmetry() == Symmetry.SKEW_SYMMETRIC ? -1 : 1;
        long count = 0;
        // symmetric storage holds the lower triangle column by column, without the diagonal if skew-symmetric
        for (int j = 0; j < cols; j++) {
            int first = switch (header.symmetry()) {
                case GENERAL -> 0;
                case SYMMETRIC -> j;
                case SKEW_SYMMETRIC -> j + 1;
            };
            if (header.symmetry() == Symmetry.SKEW_SYMMETRIC) {
                dest[offset + j * rowStride + j * colStride] = 0;
            }
            for (int i = first; i < rows; i++) {
                nextEntryLine(count++);
                double v = value(i, j);
                tokens.endLine();
                dest[offset + i * rowStride + j * colStride] = v;
                if (i != j && header.symmetry() != Symmetry.GENERAL) {
                    dest[offset + j * rowStride + i * colStride] = sign * v;
                }
            }
        }
        requireEnd();
    }

    /** Reads a sparse ({@code coordinate}) file, mirroring the stored entries of a symmetric one. */
    Coordinates readCoordinates() {
        if (header.field() == Field.PATTERN) {
            throw new DataFileException(file, "a pattern file stores only positions, no values; "
                    + "expected a real or integer MatrixMarket file");
        }
        int stored = (int) header.entries(); // bounded on construction
        int[] rowIndex = new int[stored];
        int[] colIndex = new int[stored];
        double[] values = new double[stored];
        int offDiagonal = 0;
        for (int k = 0; k < stored; k++) {
            nextEntryLine(k);
            int i = index("row", header.rows());
            int j = index("column", header.cols());
            if (i == j && header.symmetry() == Symmetry.SKEW_SYMMETRIC) {
                throw tokens.error("a skew-symmetric matrix has no stored diagonal entries, found (" + (i + 1)
                        + ", " + (j + 1) + ")");
            }
            values[k] = value(i, j);
            tokens.endLine();
            rowIndex[k] = i;
            colIndex[k] = j;
            offDiagonal += i != j ? 1 : 0;
        }
        requireEnd();
        if (header.symmetry() == Symmetry.GENERAL || offDiagonal == 0) {
            return new Coordinates(header.rows(), header.cols(), rowIndex, colIndex, values);
        }
        // the number of mirrored entries is known only now; growing once keeps at most the old and new arrays
        int total = stored + offDiagonal;
        if (total > ArrayFile.MAX_ARRAY) {
            throw new DataFileException(file, "too many entries after mirroring the symmetric storage: " + total);
        }
        rowIndex = Arrays.copyOf(rowIndex, total);
        colIndex = Arrays.copyOf(colIndex, total);
        values = Arrays.copyOf(values, total);
        double sign = header.symmetry() == Symmetry.SKEW_SYMMETRIC ? -1 : 1;
        int next = stored;
        for (int k = 0; k < stored; k++) {
            if (rowIndex[k] != colIndex[k]) {
                rowIndex[next] = colIndex[k];
                colIndex[next] = rowIndex[k];
                values[next++] = sign * values[k];
            }
        }
        return new Coordinates(header.rows(), header.cols(), rowIndex, colIndex, values);
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw DataFileException.cannotRead(file, e);
        }
    }

    private Header readHeader() {
        String banner = tokens.word("the %%MatrixMarket banner");
        if (!banner.equalsIgnoreCase("%%MatrixMarket")) {
            throw tokens.error("not a MatrixMarket file: expected the banner " + ALLOWED_BANNER);
        }
        String object = lower(tokens.word("'matrix'"));
        String format = lower(tokens.word("'array' or 'coordinate'"));
        String field = lower(tokens.word("the field (real, integer or pattern)"));
        String symmetry = lower(tokens.word("the symmetry (general, symmetric or skew-symmetric)"));
        tokens.endLine();
        if (!object.equals("matrix") || !format.equals("array") && !format.equals("coordinate")
                || !field.equals("real") && !field.equals("integer") && !field.equals("pattern")
                || !symmetry.equals("general") && !symmetry.equals("symmetric")
                && !symmetry.equals("skew-symmetric")) {
            throw new DataFileException(file, "unsupported MatrixMarket type '" + object + " " + format + " "
                    + field + " " + symmetry + "'; expected " + ALLOWED_BANNER);
        }
        boolean coordinate = format.equals("coordinate");
        if (!coordinate && field.equals("pattern")) {
            throw new DataFileException(file, "a pattern matrix must be in coordinate format, found array");
        }
        if (!tokens.skipToContent()) {
            throw tokens.error("expected the size line, found the end of the file");
        }
        int rows = dimension("the number of rows");
        int cols = dimension("the number of columns");
        Symmetry sym = Symmetry.valueOf(symmetry.replace('-', '_').toUpperCase(Locale.ROOT));
        if (sym != Symmetry.GENERAL && rows != cols) {
            throw tokens.error("a " + symmetry + " matrix must be square, found " + rows + "x" + cols);
        }
        long entries;
        if (coordinate) {
            entries = tokens.nextLong("the number of entries");
            if (entries < 0 || entries > ArrayFile.MAX_ARRAY) {
                throw tokens.error("the number of entries " + entries + " is out of range 0.."
                        + ArrayFile.MAX_ARRAY);
            }
        } else {
            long n = rows;
            entries = switch (sym) {
                case GENERAL -> n * cols;
                case SYMMETRIC -> n * (n + 1) / 2;
                case SKEW_SYMMETRIC -> n * (n - 1) / 2;
            };
        }
        tokens.endLine();
        return new Header(coordinate, Field.valueOf(field.toUpperCase(Locale.ROOT)), sym, rows, cols, entries);
    }

    private int dimension(String what) {
        long n = tokens.nextLong(what);
        if (n < 0 || n > Integer.MAX_VALUE) {
            throw tokens.error(what + " " + n + " is out of range 0.." + Integer.MAX_VALUE);
        }
        return (int) n;
    }

    /** Moves to entry line {@code k} (0-based), failing if the file ends first. */
    private void nextEntryLine(long k) {
        if (!tokens.skipToContent()) {
            throw tokens.error("truncated: the header declares " + header.entries() + " entries, found " + k);
        }
    }

    /** Requires nothing but blank and comment lines after the last entry. */
    private void requireEnd() {
        if (tokens.skipToContent()) {
            throw tokens.error("more entries than the " + header.entries() + " the header declares");
        }
    }

    /** A 1-based index in {@code 1..size} from the current line, as a 0-based one. */
    private int index(String what, int size) {
        long k = tokens.nextLong(what + " index");
        if (k < 1 || k > size) {
            throw tokens.error(what + " index " + k + " out of range 1.." + size);
        }
        return (int) k - 1;
    }

    /** The value of entry {@code (i, j)} (0-based) from the current line, which must be finite. */
    private double value(int i, int j) {
        double v = header.field() == Field.INTEGER ? tokens.nextLong("an integer value")
                : tokens.nextDouble("a real value");
        if (!Double.isFinite(v)) {
            throw tokens.error("non-finite value " + v + " at row " + i + ", column " + j
                    + " (0-based); every value must be finite");
        }
        return v;
    }

    private static String lower(String word) {
        return word.toLowerCase(Locale.ROOT);
    }
}
