package org.riemopt.problem;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;

import org.riemopt.linalg.AmbientMatrix;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.linalg.Kernels;

/**
 * A dense sensing operator: {@code m} explicit measurement matrices {@code Aᵢ}, stored contiguously, each
 * row-major, in one array of {@code m·rows·cols} numbers.
 *
 * <p>Applying it is memory-bound, so every method reads the data exactly once: {@link #factorProducts} streams
 * each row of {@code Aᵢ} through {@code r} dot products (for {@code Aᵢv}) and {@code r} axpys (for {@code Aᵢᵀu})
 * while it sits in L1, and {@link #factorProductsAndAdjoint} also adds {@code wᵢAᵢ} to the adjoint while
 * {@code Aᵢ} (80 kB for 100 x 100) is still in L2, so a new point costs one pass from memory, not two. When every {@code Aᵢ} is symmetric and {@code u == v} (the {@code XXᵀ} lift) only
 * {@code Aᵢv} is computed. Large operators are split over the common fork-join pool by measurement.
 */
public final class DenseMeasurementOperator implements MeasurementOperator {

    /** Below this many stored numbers a single thread is faster than forking. */
    private static final long PARALLEL_THRESHOLD = 1L << 18;
    private static final int PARALLEL_CHUNKS = 4;

    private final int size;
    private final int rows;
    private final int cols;
    private final double[] data;
    private final boolean symmetric;

    private DenseMeasurementOperator(int size, int rows, int cols, double[] data) {
        this.size = size;
        this.rows = rows;
        this.cols = cols;
        this.data = data;
        this.symmetric = rows == cols && allSymmetric();
    }

    /**
     * An operator from its measurement matrices, all of the same shape.
     *
     * @throws IllegalArgumentException if the list is empty, the shapes differ or an entry is not finite
     */
    public static DenseMeasurementOperator of(List<DenseMatrix> matrices) {
        if (matrices.isEmpty()) {
            throw new IllegalArgumentException("a measurement operator needs at least one matrix");
        }
        int rows = matrices.get(0).rows();
        int cols = matrices.get(0).cols();
        long total = (long) matrices.size() * rows * cols;
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a dense operator of " + total + " numbers does not fit one array");
        }
        double[] data = new double[(int) total];
        for (int i = 0; i < matrices.size(); i++) {
            DenseMatrix a = matrices.get(i);
            if (a.rows() != rows || a.cols() != cols) {
                throw new IllegalArgumentException("measurement matrix " + i + " is " + a.rows() + "x" + a.cols()
                        + " but matrix 0 is " + rows + "x" + cols);
            }
            if (!a.isFinite()) {
                throw new IllegalArgumentException("measurement matrix " + i + " has a non-finite entry");
            }
            int base = i * rows * cols;
            for (int j = 0; j < rows; j++) {
                for (int k = 0; k < cols; k++) {
                    data[base + j * cols + k] = a.get(j, k);
                }
            }
        }
        return new DenseMeasurementOperator(matrices.size(), rows, cols, data);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int cols() {
        return cols;
    }

    /** Whether every measurement matrix is exactly symmetric. */
    public boolean isSymmetric() {
        return symmetric;
    }

    /** Measurement matrix {@code i} (a copy). */
    public DenseMatrix matrix(int i) {
        double[] out = new double[rows * cols];
        int base = i * rows * cols;
        for (int j = 0; j < rows; j++) {
            for (int k = 0; k < cols; k++) {
                out[j + k * rows] = data[base + j * cols + k];
            }
        }
        return DenseMatrix.wrap(rows, cols, out);
    }

    @Override
    public double[] apply(DenseMatrix x) {
        requireShape(x, rows, cols, "apply");
        double[] rowMajor = x.transpose().data();
        double[] out = new double[size];
        int block = rows * cols;
        forEachMeasurement(i -> out[i] = Kernels.dot(data, i * block, rowMajor, 0, block));
        return out;
    }

    @Override
    public AmbientMatrix adjoint(double[] w) {
        if (w.length != size) {
            throw new IllegalArgumentException("adjoint: expected " + size + " weights, got " + w.length);
        }
        return weightedSum(i -> w[i]);
    }

    /** Adds the per-chunk row-major partial sums into the adjoint matrix. */
    private DenseMatrix sumOfPartials(double[][] partial) {
        for (int c = 1; c < partial.length; c++) {
            Kernels.axpy(1, partial[c], 0, partial[0], 0, partial[0].length);
        }
        // partial[0] is row-major rows x cols, i.e. column-major cols x rows.
        return DenseMatrix.wrap(cols, rows, partial[0]).transpose();
    }

    @Override
    public void factorProducts(DenseMatrix u, DenseMatrix v, double[] av, double[] atu) {
        Products products = new Products(u, v, av, atu);
        forEachMeasurement(products::compute);
    }

    /**
     * One pass: for each measurement, its products, then its weight, then {@code wᵢAᵢ} added to a per-chunk partial
     * adjoint while {@code Aᵢ} is still in cache.
     */
    @Override
    public AmbientMatrix factorProductsAndAdjoint(DenseMatrix u, DenseMatrix v, double[] av, double[] atu,
                                                  IntToDoubleFunction weight) {
        Products products = new Products(u, v, av, atu);
        return weightedSum(i -> {
            products.compute(i);
            return weight.applyAsDouble(i);
        });
    }

    /**
     * {@code Σ wᵢAᵢ} in one pass, with {@code wᵢ = weightOf(i)} evaluated just before {@code Aᵢ} is added (so it
     * may first use {@code Aᵢ} while in cache). Each chunk sums into its own partial; a symmetric operator's sum is
     * symmetric, so only its upper triangle is accumulated (half the cache traffic) and mirrored once.
     */
    private DenseMatrix weightedSum(IntToDoubleFunction weightOf) {
        int block = rows * cols;
        int chunks = chunkCount();
        double[][] partial = new double[chunks][block];
        IntStream.range(0, chunks).parallel().forEach(c -> {
            for (int i = chunkStart(c, chunks); i < chunkStart(c + 1, chunks); i++) {
                double w = weightOf.applyAsDouble(i);
                if (w == 0) {
                    continue;
                }
                if (symmetric) {
                    for (int j = 0; j < rows; j++) {
                        Kernels.axpy(w, data, i * block + j * cols + j, partial[c], j * cols + j, cols - j);
                    }
                } else {
                    Kernels.axpy(w, data, i * block, partial[c], 0, block);
                }
            }
        });
        if (symmetric) {
            for (double[] p : partial) {
                for (int j = 0; j < rows; j++) {
                    for (int k = j + 1; k < cols; k++) {
                        p[k * cols + j] = p[j * cols + k];
                    }
                }
            }
        }
        return sumOfPartials(partial);
    }

    /** The product kernels of {@link #factorProducts} for one measurement at a time. */
    private final class Products {
        private final int r;
        private final double[] ud;
        private final double[] vd;
        private final double[] av;
        private final double[] atu;
        private final boolean sameFactor;

        Products(DenseMatrix u, DenseMatrix v, double[] av, double[] atu) {
            this.r = u.cols();
            requireShape(u, rows, r, "factorProducts(u)");
            requireShape(v, cols, r, "factorProducts(v)");
            this.ud = u.data();
            this.vd = v.data();
            this.av = av;
            this.atu = atu;
            this.sameFactor = symmetric && u == v;
        }

        void compute(int i) {
            int aBase = i * rows * cols;
            int avBase = i * rows * r;
            int atuBase = i * cols * r;
            if (sameFactor) {
                // Aᵢ = Aᵢᵀ: Aᵢᵀu = Aᵢv, so half the work. (Computing Aᵢu as a sum of axpys over rows would
                // vectorize, but changes the rounding of every product; the dot products keep parity with the
                // reference runs of Manopt, whose over-parameterized instance is chaotic under round-off.)
                for (int j = 0; j < rows; j++) {
                    rowTimesColumns(aBase + j * cols, av, avBase + j);
                }
                System.arraycopy(av, avBase, atu, atuBase, rows * r);
                return;
            }
            Arrays.fill(atu, atuBase, atuBase + cols * r, 0.0);
            for (int j = 0; j < rows; j++) {
                int rowStart = aBase + j * cols;
                rowTimesColumns(rowStart, av, avBase + j);
                for (int c = 0; c < r; c++) {
                    Kernels.axpy(ud[j + c * rows], data, rowStart, atu, atuBase + c * cols, cols);
                }
            }
        }

        /** {@code out[at + c·rows] = ⟨row, v[:, c]⟩} for every column c, two columns per sweep of the row. */
        private void rowTimesColumns(int rowStart, double[] out, int at) {
            int c = 0;
            for (; c + 1 < r; c += 2) {
                Kernels.dot2(data, rowStart, vd, c * cols, (c + 1) * cols, cols, out, at + c * rows,
                        at + (c + 1) * rows);
            }
            if (c < r) {
                out[at + c * rows] = Kernels.dot(data, rowStart, vd, c * cols, cols);
            }
        }
    }

    private void forEachMeasurement(IntConsumer body) {
        int chunks = chunkCount();
        if (chunks == 1) {
            for (int i = 0; i < size; i++) {
                body.accept(i);
            }
            return;
        }
        IntStream.range(0, chunks).parallel().forEach(c -> {
            for (int i = chunkStart(c, chunks); i < chunkStart(c + 1, chunks); i++) {
                body.accept(i);
            }
        });
    }

    /**
     * The number of work chunks: fixed rather than tied to the core count, so that the adjoint's partial sums,
     * and hence every result, are bit-identical on every machine.
     */
    private int chunkCount() {
        if ((long) size * rows * cols < PARALLEL_THRESHOLD) {
            return 1;
        }
        return Math.min(size, PARALLEL_CHUNKS);
    }

    private int chunkStart(int c, int chunks) {
        return (int) ((long) size * c / chunks);
    }

    private boolean allSymmetric() {
        int block = rows * cols;
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < rows; j++) {
                for (int k = j + 1; k < cols; k++) {
                    if (data[i * block + j * cols + k] != data[i * block + k * cols + j]) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static void requireShape(DenseMatrix x, int rows, int cols, String where) {
        if (x.rows() != rows || x.cols() != cols) {
            throw new IllegalArgumentException(where + ": expected a " + rows + "x" + cols + " matrix, got "
                    + x.rows() + "x" + x.cols());
        }
    }
}
