package org.riemopt.linalg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The block-diagonal matrix {@code diag(B₁, …, B_k)}: the ambient space of a product manifold is the tuple of its
 * factors' ambient spaces, and this is that tuple as one matrix. Products go block by block, so a block known only
 * through its products (a fixed-rank gradient) is never formed; {@link #toDense()} is the dense block-diagonal
 * matrix.
 *
 * <p>{@link #diagonalBlocks} recovers the blocks of any matrix of the same layout, which is how a product manifold
 * projects a general ambient matrix.
 */
public final class ProductAmbient implements AmbientMatrix {

    private final List<AmbientMatrix> blocks;
    /** {@code rowStart[i]} is the first row of block {@code i}; {@code rowStart[k]} the total. */
    private final int[] rowStart;
    private final int[] colStart;

    /**
     * The block-diagonal matrix of {@code blocks}, in order.
     *
     * @throws IllegalArgumentException if there are no blocks
     */
    public ProductAmbient(List<? extends AmbientMatrix> blocks) {
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("a block-diagonal matrix needs at least one block");
        }
        this.blocks = List.copyOf(blocks);
        this.rowStart = offsets(this.blocks.stream().mapToInt(AmbientMatrix::rows).toArray());
        this.colStart = offsets(this.blocks.stream().mapToInt(AmbientMatrix::cols).toArray());
    }

    /** The block-diagonal matrix of {@code blocks}, in order. */
    public static ProductAmbient of(AmbientMatrix... blocks) {
        return new ProductAmbient(List.of(blocks));
    }

    /** The diagonal blocks, in order. */
    public List<AmbientMatrix> blocks() {
        return blocks;
    }

    @Override
    public int rows() {
        return rowStart[blocks.size()];
    }

    @Override
    public int cols() {
        return colStart[blocks.size()];
    }

    @Override
    public DenseMatrix times(DenseMatrix v) {
        if (v.rows() != cols()) {
            throw new IllegalArgumentException("times: inner dimensions differ (" + cols() + " vs " + v.rows() + ")");
        }
        double[] out = new double[rows() * v.cols()];
        for (int i = 0; i < blocks.size(); i++) {
            DenseMatrix part = blocks.get(i).times(v.rowRange(colStart[i], colStart[i + 1]));
            place(part, out, rows(), rowStart[i], 0);
        }
        return DenseMatrix.wrap(rows(), v.cols(), out);
    }

    @Override
    public DenseMatrix transposeTimes(DenseMatrix u) {
        if (u.rows() != rows()) {
            throw new IllegalArgumentException("transposeTimes: inner dimensions differ (" + rows() + " vs "
                    + u.rows() + ")");
        }
        double[] out = new double[cols() * u.cols()];
        for (int i = 0; i < blocks.size(); i++) {
            DenseMatrix part = blocks.get(i).transposeTimes(u.rowRange(rowStart[i], rowStart[i + 1]));
            place(part, out, cols(), colStart[i], 0);
        }
        return DenseMatrix.wrap(cols(), u.cols(), out);
    }

    @Override
    public DenseMatrix toDense() {
        double[] out = new double[rows() * cols()];
        for (int i = 0; i < blocks.size(); i++) {
            place(blocks.get(i).toDense(), out, rows(), rowStart[i], colStart[i]);
        }
        return DenseMatrix.wrap(rows(), cols(), out);
    }

    /**
     * The sum, block by block when {@code other} is block-diagonal with the same block shapes (so the sum of two
     * product gradients is again one, and its blocks stay at hand); otherwise the lazy sum.
     */
    @Override
    public AmbientMatrix plus(AmbientMatrix other) {
        if (other instanceof ProductAmbient p && sameLayout(p)) {
            List<AmbientMatrix> sums = new ArrayList<>();
            for (int i = 0; i < blocks.size(); i++) {
                sums.add(blocks.get(i).plus(p.blocks.get(i)));
            }
            return new ProductAmbient(sums);
        }
        return AmbientMatrix.super.plus(other);
    }

    /**
     * The diagonal blocks of {@code a}, block {@code i} being {@code blockRows[i] x blockCols[i]}. A
     * {@code ProductAmbient} of that layout gives its own blocks; any other matrix gives views of it, never formed:
     * a view's products are the parent's products with zero-padded factors, restricted to the block's rows (so each
     * costs one product of the whole matrix).
     *
     * @throws IllegalArgumentException if the block shapes do not add up to the shape of {@code a}
     */
    public static List<AmbientMatrix> diagonalBlocks(AmbientMatrix a, int[] blockRows, int[] blockCols) {
        int[] rowStart = offsets(blockRows);
        int[] colStart = offsets(blockCols);
        int k = blockRows.length;
        if (a.rows() != rowStart[k] || a.cols() != colStart[k]) {
            throw new IllegalArgumentException("a " + a.rows() + "x" + a.cols() + " matrix has no diagonal blocks "
                    + "of shapes " + Arrays.toString(blockRows) + " x " + Arrays.toString(blockCols));
        }
        if (a instanceof ProductAmbient p && Arrays.equals(p.rowStart, rowStart)
                && Arrays.equals(p.colStart, colStart)) {
            return p.blocks;
        }
        List<AmbientMatrix> views = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            views.add(new BlockView(a, rowStart[i], rowStart[i + 1], colStart[i], colStart[i + 1]));
        }
        return views;
    }

    private boolean sameLayout(ProductAmbient other) {
        return Arrays.equals(rowStart, other.rowStart) && Arrays.equals(colStart, other.colStart);
    }

    /** Rows {@code [rowFrom, rowTo)} and columns {@code [colFrom, colTo)} of {@code parent}, known through it. */
    private record BlockView(AmbientMatrix parent, int rowFrom, int rowTo, int colFrom, int colTo)
            implements AmbientMatrix {

        @Override
        public int rows() {
            return rowTo - rowFrom;
        }

        @Override
        public int cols() {
            return colTo - colFrom;
        }

        @Override
        public DenseMatrix times(DenseMatrix v) {
            return parent.times(padded(v, colFrom, parent.cols())).rowRange(rowFrom, rowTo);
        }

        @Override
        public DenseMatrix transposeTimes(DenseMatrix u) {
            return parent.transposeTimes(padded(u, rowFrom, parent.rows())).rowRange(colFrom, colTo);
        }

        @Override
        public DenseMatrix toDense() {
            return parent.toDense().rowRange(rowFrom, rowTo).columns(colFrom, colTo);
        }

        /** {@code x} placed at row {@code at} of a {@code height}-row matrix that is zero elsewhere. */
        private static DenseMatrix padded(DenseMatrix x, int at, int height) {
            double[] out = new double[height * x.cols()];
            place(x, out, height, at, 0);
            return DenseMatrix.wrap(height, x.cols(), out);
        }
    }

    /** Copies {@code part} into the column-major {@code out} ({@code outRows} rows) at {@code (row, col)}. */
    private static void place(DenseMatrix part, double[] out, int outRows, int row, int col) {
        for (int j = 0; j < part.cols(); j++) {
            System.arraycopy(part.data(), j * part.rows(), out, row + (col + j) * outRows, part.rows());
        }
    }

    /** Prefix sums: {@code offsets(s)[i] = s[0] + … + s[i−1]}, of length {@code s.length + 1}. */
    private static int[] offsets(int[] sizes) {
        int[] start = new int[sizes.length + 1];
        for (int i = 0; i < sizes.length; i++) {
            start[i + 1] = start[i] + sizes[i];
        }
        return start;
    }
}
