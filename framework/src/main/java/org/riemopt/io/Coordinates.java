package org.riemopt.io;

/**
 * The nonzero entries of a sparse {@code rows x cols} matrix in coordinate form: entry {@code k} is
 * {@code A(rowIndex[k], colIndex[k]) = values[k]}, with 0-based indices. The arrays are shared, not copied.
 *
 * @param rows     number of rows
 * @param cols     number of columns
 * @param rowIndex 0-based row of each entry
 * @param colIndex 0-based column of each entry
 * @param values   value of each entry
 */
public record Coordinates(int rows, int cols, int[] rowIndex, int[] colIndex, double[] values) {

    /** Checks that the three arrays have the same length and the shape is not negative. */
    public Coordinates {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("negative shape " + rows + "x" + cols);
        }
        if (rowIndex.length != values.length || colIndex.length != values.length) {
            throw new IllegalArgumentException("rowIndex, colIndex and values must have the same length, got "
                    + rowIndex.length + ", " + colIndex.length + " and " + values.length);
        }
    }

    /** The number of entries. */
    public int size() {
        return values.length;
    }
}
