package org.riemopt.linalg;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The positions of the nonzero entries of a sparse {@code rows x cols} matrix, immutable and shared by every
 * {@link SparseMatrix} over them. Entries are numbered {@code 0 … size−1} in row-major order (by row, then column),
 * stored CSR-like ({@code rowStart} of length {@code rows + 1}, the column of each entry); a second, column-major
 * numbering (CSC: {@code colStart}, the row of each entry and its row-major number) lets {@code Gᵀ·U} run as a gather
 * by columns, like {@code G·V} by rows, so neither product has write conflicts and both split over threads by line.
 *
 * <p>Memory is {@code O(size + rows + cols)}: nothing of size {@code rows x cols} is ever allocated.
 */
public final class SparsePattern {

    /** Below this many entries a single thread is faster than forking. */
    private static final int PARALLEL_THRESHOLD = 1 << 15;

    private final int rows;
    private final int cols;
    private final int[] rowStart;
    private final int[] col;
    private final int[] colStart;
    private final int[] rowByColumn;
    private final int[] entryByColumn;

    private SparsePattern(int rows, int cols, int[] rowStart, int[] col) {
        this.rows = rows;
        this.cols = cols;
        this.rowStart = rowStart;
        this.col = col;
        int size = col.length;
        // Counting sort of the row-major entries by column; stable, so rows ascend within each column.
        colStart = new int[cols + 1];
        for (int j : col) {
            colStart[j + 1]++;
        }
        for (int j = 0; j < cols; j++) {
            colStart[j + 1] += colStart[j];
        }
        int[] next = Arrays.copyOf(colStart, cols);
        rowByColumn = new int[size];
        entryByColumn = new int[size];
        for (int i = 0; i < rows; i++) {
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                int at = next[col[k]]++;
                rowByColumn[at] = i;
                entryByColumn[at] = k;
            }
        }
    }

    /**
     * The pattern of the entries {@code (row[k], col[k])}, which must already be in row-major order and distinct.
     * Read: row, col.
     *
     * @throws IllegalArgumentException naming the first entry out of range, out of order or repeated
     */
    public static SparsePattern ofRowMajor(int rows, int cols, int[] row, int[] col) {
        requireSizes(rows, cols, row, col);
        int[] rowStart = new int[rows + 1];
        for (int k = 0; k < row.length; k++) {
            requireInRange(rows, cols, row, col, k);
            if (k > 0 && (row[k] < row[k - 1] || row[k] == row[k - 1] && col[k] <= col[k - 1])) {
                if (row[k] == row[k - 1] && col[k] == col[k - 1]) {
                    throw new IllegalArgumentException("duplicate entry (row " + row[k] + ", column " + col[k]
                            + "): each entry may be given once");
                }
                throw new IllegalArgumentException("entry " + k + " (row " + row[k] + ", column " + col[k]
                        + ") comes after (row " + row[k - 1] + ", column " + col[k - 1] + "); entries must be in "
                        + "row-major order");
            }
            rowStart[row[k] + 1]++;
        }
        for (int i = 0; i < rows; i++) {
            rowStart[i + 1] += rowStart[i];
        }
        return new SparsePattern(rows, cols, rowStart, col.clone());
    }

    /**
     * The permutation that puts the entries {@code (row[k], col[k])} in row-major order: {@code order[t]} is the
     * index of the {@code t}-th entry in that order; equal positions keep their given order. Two stable counting
     * sorts (by column, then by row), {@code O(size + rows + cols)}. Read: row, col.
     *
     * @throws IllegalArgumentException naming the first entry out of range
     */
    public static int[] rowMajorOrder(int rows, int cols, int[] row, int[] col) {
        requireSizes(rows, cols, row, col);
        for (int k = 0; k < row.length; k++) {
            requireInRange(rows, cols, row, col, k);
        }
        int[] byColumn = countingSort(col, cols, identityPermutation(col.length));
        return countingSort(row, rows, byColumn);
    }

    /** {@code order} stably re-sorted by {@code key[order[t]]} in {@code [0, keys)}. Read: key, order. */
    private static int[] countingSort(int[] key, int keys, int[] order) {
        int[] start = new int[keys + 1];
        for (int k : key) {
            start[k + 1]++;
        }
        for (int v = 0; v < keys; v++) {
            start[v + 1] += start[v];
        }
        int[] out = new int[order.length];
        for (int index : order) {
            out[start[key[index]]++] = index;
        }
        return out;
    }

    private static int[] identityPermutation(int n) {
        int[] out = new int[n];
        for (int k = 0; k < n; k++) {
            out[k] = k;
        }
        return out;
    }

    private static void requireSizes(int rows, int cols, int[] row, int[] col) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("a sparse matrix needs at least one row and one column, got " + rows
                    + " x " + cols);
        }
        if (row.length != col.length) {
            throw new IllegalArgumentException(row.length + " row indices but " + col.length + " column indices");
        }
    }

    private static void requireInRange(int rows, int cols, int[] row, int[] col, int k) {
        if (row[k] < 0 || row[k] >= rows || col[k] < 0 || col[k] >= cols) {
            throw new IllegalArgumentException("entry " + k + " (row " + row[k] + ", column " + col[k]
                    + ") is outside the " + rows + " x " + cols + " matrix (0-based rows 0.." + (rows - 1)
                    + ", columns 0.." + (cols - 1) + ")");
        }
    }

    /** Rows of the matrix. */
    public int rows() {
        return rows;
    }

    /** Columns of the matrix. */
    public int cols() {
        return cols;
    }

    /** The bytes of the index arrays (both orders). */
    public long bytes() {
        return 4L * (rowStart.length + col.length + colStart.length + rowByColumn.length + entryByColumn.length);
    }

    /** The number of stored entries. */
    public int size() {
        return col.length;
    }

    /** The row of entry {@code k} (row-major numbering), by binary search: {@code O(log rows)}. */
    public int row(int k) {
        int lo = 0;
        int hi = rows - 1;
        // The last row whose start is ≤ k; empty rows share their start with the next row, so take the last.
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (rowStart[mid] <= k) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** The column of entry {@code k} (row-major numbering). */
    public int col(int k) {
        return col[k];
    }

    /** The row-major number of entry {@code (i, j)}, or {@code -1} if it is not in the pattern. */
    public int indexOf(int i, int j) {
        if (i < 0 || i >= rows || j < 0 || j >= cols) {
            return -1;
        }
        int at = Arrays.binarySearch(col, rowStart[i], rowStart[i + 1], j);
        return at >= 0 ? at : -1;
    }

    /** The row of the {@code t}-th entry in column-major order. */
    public int rowByColumn(int t) {
        return rowByColumn[t];
    }

    /** The row-major number of the {@code t}-th entry in column-major order. */
    public int entryByColumn(int t) {
        return entryByColumn[t];
    }

    /**
     * Visits every row {@code i} with the row-major numbers {@code [from, to)} of its entries; rows are split over
     * the common pool when the pattern is large. {@code visitor} is called concurrently for distinct rows, so it may
     * write what belongs to its row only.
     */
    public void forEachRow(LineVisitor visitor) {
        forEachLine(rowStart, visitor);
    }

    /**
     * Visits every column {@code j} with the column-major positions {@code [from, to)} of its entries (see
     * {@link #rowByColumn}, {@link #entryByColumn}); concurrently for distinct columns, like {@link #forEachRow}.
     */
    public void forEachColumn(LineVisitor visitor) {
        forEachLine(colStart, visitor);
    }

    private void forEachLine(int[] start, LineVisitor visitor) {
        int lines = start.length - 1;
        if (size() < PARALLEL_THRESHOLD) {
            for (int line = 0; line < lines; line++) {
                visitor.visit(line, start[line], start[line + 1]);
            }
            return;
        }
        // Each line's result depends on that line alone, so the split (and the core count) cannot change a bit.
        int chunks = Math.min(lines, 4 * Runtime.getRuntime().availableProcessors());
        IntStream.range(0, chunks).parallel().forEach(c -> {
            int last = (int) ((long) lines * (c + 1) / chunks);
            for (int line = (int) ((long) lines * c / chunks); line < last; line++) {
                visitor.visit(line, start[line], start[line + 1]);
            }
        });
    }

    /** What {@link #forEachRow} and {@link #forEachColumn} call for each line. */
    @FunctionalInterface
    public interface LineVisitor {

        /** Line {@code line} has the entries at positions {@code [from, to)} of the line's ordering. */
        void visit(int line, int from, int to);
    }
}
