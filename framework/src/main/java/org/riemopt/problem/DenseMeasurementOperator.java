package org.riemopt.problem;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;

import org.riemopt.linalg.AmbientMatrix;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.linalg.Kernels;
import org.riemopt.linalg.SymmetricPacking;

/**
 * A dense sensing operator: {@code m} explicit measurement matrices {@code Aᵢ}, stored contiguously in one array of
 * {@code m·rows·cols} numbers, each {@code Aᵢ} column-major. The array is therefore the {@code m x (rows·cols)}
 * matrix acting on {@code vec(X)} (column-major, the convention of Manopt and numpy's {@code order='F'}), stored
 * row by row: exactly the layout of such a matrix in a C-order {@code .npy} file. When every {@code Aᵢ} is exactly
 * symmetric, each is kept packed instead ({@link SymmetricPacking}: its upper triangle with whole 8 x 8 diagonal
 * blocks, about {@code n²/2} numbers), so
 * the operator holds, and a pass reads, about half the bytes.
 *
 * <p>Applying it is memory-bound, so every method reads the data from memory exactly once. {@link #linearize}
 * computes, for each
 * {@code Aᵢ} while it streams in, {@code AᵢᵀU} (dot products of its columns with two or three factor columns per
 * sweep, reading {@code Aᵢ} in storage order) and then {@code AᵢV} (fused chains over its columns in register tiles,
 * from cache), then adds {@code wᵢAᵢ} to the
 * adjoint while {@code Aᵢ} (80 kB for 100 x 100) is still in L2, eight measurements per sweep of the partial sum, so a
 * new point costs one pass from memory, not two. When every {@code Aᵢ} is symmetric and {@code U == V} (the
 * {@code XXᵀ} lift) only {@code AᵢᵀU = AᵢV} is computed and kept, straight from the packed triangle; other factors
 * unpack {@code Aᵢ} into a per-thread block first. The kernels are {@link Kernels}' fused ones (the
 * Vector API when the JVM has it, plain Java otherwise, the same bits). Large operators are split over the common
 * fork-join pool by measurement in a fixed number of chunks. The Gauss–Newton part of a Hessian-vector product is
 * one sweep of the cached blocks on one thread; a large push or pull asked alone (the gradient's pull) is split by
 * measurement (pushes) or by entry of the result (pulls). No result depends on the number of threads.
 */
public final class DenseMeasurementOperator implements MeasurementOperator {

    /** Below this many stored numbers a single thread is faster than forking. */
    private static final long PARALLEL_THRESHOLD = 1L << 18;
    private static final int PARALLEL_CHUNKS = 4;
    /** Measurements added to the adjoint per sweep of its partial sum. */
    private static final int SUM_GROUP = 8;
    /**
     * Pushes and pulls asked alone of a Jacobian cache of at least this many numbers (8 MB) are split in two: each
     * entry of the result is computed whole by one task, so the split never changes a bit. Below it forking does not
     * pay on the 2-core machines measured (the vector kernels stream a 1-3.5 MB cache at 35-45 GB/s on one core, near
     * what two cores read; see docs/performance.md). The Gauss–Newton product is not split at any size.
     */
    private static final long HVP_PARALLEL_THRESHOLD = 1L << 20;
    /** The threshold in force: {@link #HVP_PARALLEL_THRESHOLD}, or lower in tests that force the split. */
    private static volatile long hvpParallelThreshold = HVP_PARALLEL_THRESHOLD;
    private static final int HVP_CHUNKS = 2;

    private final int size;
    private final int rows;
    private final int cols;
    /** Every {@code Aᵢ} full ({@code rows·cols} numbers), or, when symmetric, packed. */
    private final double[] data;
    private final boolean symmetric;
    /** The numbers stored per measurement: {@code rows·cols}, or {@link SymmetricPacking#length} packed. */
    private final int stride;

    private DenseMeasurementOperator(int size, int rows, int cols, double[] data, boolean symmetric) {
        this.size = size;
        this.rows = rows;
        this.cols = cols;
        this.data = data;
        this.symmetric = symmetric;
        this.stride = data.length / size;
    }

    /**
     * An operator from its measurement matrices, all of the same shape; packed if they are all exactly symmetric.
     *
     * @throws IllegalArgumentException if the list is empty, the shapes differ or an entry is not finite
     */
    public static DenseMeasurementOperator of(List<DenseMatrix> matrices) {
        if (matrices.isEmpty()) {
            throw new IllegalArgumentException("a measurement operator needs at least one matrix");
        }
        int rows = matrices.get(0).rows();
        int cols = matrices.get(0).cols();
        boolean symmetric = rows == cols;
        for (int i = 0; i < matrices.size(); i++) {
            DenseMatrix a = matrices.get(i);
            if (a.rows() != rows || a.cols() != cols) {
                throw new IllegalArgumentException("measurement matrix " + i + " is " + a.rows() + "x" + a.cols()
                        + " but matrix 0 is " + rows + "x" + cols);
            }
            if (!a.isFinite()) {
                throw new IllegalArgumentException("measurement matrix " + i + " has a non-finite entry");
            }
            symmetric = symmetric && SymmetricPacking.isSymmetric(a.data(), 0, rows);
        }
        int m = matrices.size();
        double[] data = new double[symmetric ? checkedPackedSize(m, rows) : checkedSize(m, rows, cols)];
        int stride = data.length / m;
        for (int i = 0; i < m; i++) {
            if (symmetric) {
                SymmetricPacking.pack(matrices.get(i).data(), 0, rows, data, i * stride);
            } else {
                System.arraycopy(matrices.get(i).data(), 0, data, i * stride, stride);
            }
        }
        return new DenseMeasurementOperator(m, rows, cols, data, symmetric);
    }

    /**
     * An operator over an array already in this class's layout: row {@code i} of the {@code m x (rows·cols)} matrix
     * acting on {@code vec(X)}, i.e. {@code data[i·rows·cols + j + k·rows] = (Aᵢ)_{jk}}. The array is taken over, not
     * copied (a generator or a file reader fills it in place, so the operator is never held twice) unless every
     * {@code Aᵢ} is exactly symmetric: then the matrices are packed within the array and the operator keeps a copy
     * of the packed half, so for a moment 1.5 times the full operator is in memory (a generator of symmetric
     * matrices avoids that with {@link #wrapPacked}).
     *
     * @throws IllegalArgumentException if the length does not match or an entry is not finite
     */
    public static DenseMeasurementOperator wrap(int size, int rows, int cols, double[] data) {
        if (size < 1 || rows < 1 || cols < 1 || data.length != checkedSize(size, rows, cols)) {
            throw new IllegalArgumentException("a dense operator of " + size + " measurements of " + rows + "x" + cols
                    + " matrices needs " + (long) size * rows * cols + " numbers, got " + data.length);
        }
        requireFinite(data, rows * cols);
        int block = rows * cols;
        boolean symmetric = rows == cols;
        for (int i = 0; symmetric && i < size; i++) {
            symmetric = SymmetricPacking.isSymmetric(data, i * block, rows);
        }
        if (!symmetric) {
            return new DenseMeasurementOperator(size, rows, cols, data, false);
        }
        int packed = (int) SymmetricPacking.length(rows);
        double[] one = new double[packed];
        for (int i = 0; i < size; i++) {
            // in place, through one packed matrix: matrix i lands before matrix i + 1 starts, but within a matrix the
            // interleaved quads would overwrite numbers not yet read
            SymmetricPacking.pack(data, i * block, rows, one, 0);
            System.arraycopy(one, 0, data, i * packed, packed);
        }
        return new DenseMeasurementOperator(size, rows, cols, Arrays.copyOf(data, size * packed), true);
    }

    /**
     * A symmetric operator over an array of packed matrices ({@link SymmetricPacking}): {@code Aᵢ}'s upper triangle
     * from {@code i·SymmetricPacking.length(n)}. The array is taken over, not copied, so a generator can fill it in place.
     *
     * @throws IllegalArgumentException if the length does not match or an entry is not finite
     */
    public static DenseMeasurementOperator wrapPacked(int size, int n, double[] packed) {
        if (size < 1 || n < 1 || packed.length != checkedPackedSize(size, n)) {
            throw new IllegalArgumentException("a packed symmetric operator of " + size + " measurements of " + n
                    + "x" + n + " matrices needs " + size * SymmetricPacking.length(n) + " numbers, got "
                    + packed.length);
        }
        requireFinite(packed, packed.length / size);
        return new DenseMeasurementOperator(size, n, n, packed, true);
    }

    /** {@code m·rows·cols} as an array length, or an error if it does not fit one Java array. */
    public static int checkedSize(int size, int rows, int cols) {
        return checkedLength(size, (long) rows * cols, rows + "x" + cols + " matrices");
    }

    /** The length of {@code m} packed symmetric {@code n x n} matrices, or an error if it does not fit an array. */
    public static int checkedPackedSize(int size, int n) {
        return checkedLength(size, SymmetricPacking.length(n), "packed symmetric " + n + "x" + n + " matrices");
    }

    private static int checkedLength(int size, long perMeasurement, String what) {
        long total = size * perMeasurement;
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a dense operator of " + size + " measurements of " + what + " has "
                    + total + " numbers, more than one Java array holds (" + (Integer.MAX_VALUE - 8) + ")");
        }
        return (int) total;
    }

    private static void requireFinite(double[] data, int perMeasurement) {
        for (int k = 0; k < data.length; k++) {
            if (!Double.isFinite(data[k])) {
                throw new IllegalArgumentException("measurement matrix " + k / perMeasurement + " has a non-finite "
                        + "entry (" + data[k] + ")");
            }
        }
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

    @Override
    public long dataBytes() {
        return 8L * data.length;
    }

    /**
     * {@code AᵢV} and {@code AᵢᵀU} for every measurement: {@code m·(rows + cols)·r}, or {@code m·rows·r} when the
     * operator is symmetric and the lift passes one factor ({@code XXᵀ}), which is counted here as the least.
     */
    @Override
    public double jacobianNumbers(int rank) {
        return (double) size * rank * (symmetric ? rows : (double) rows + cols);
    }

    /** Whether every measurement matrix is exactly symmetric (and so kept packed). */
    public boolean isSymmetric() {
        return symmetric;
    }

    /**
     * Sets the size from which pushes and pulls are split ({@code -1}: the default), for tests that check the split
     * changes no bit.
     */
    static void splitHessianProductsFrom(long numbers) {
        hvpParallelThreshold = numbers < 0 ? HVP_PARALLEL_THRESHOLD : numbers;
    }

    /** Measurement matrix {@code i} (a copy). */
    public DenseMatrix matrix(int i) {
        if (symmetric) {
            double[] full = new double[rows * cols];
            SymmetricPacking.unpack(data, i * stride, rows, full, 0);
            return DenseMatrix.wrap(rows, cols, full);
        }
        return DenseMatrix.wrap(rows, cols, Arrays.copyOfRange(data, i * stride, (i + 1) * stride));
    }

    /** The selected blocks {@code Aᵢ}, copied (packed if they are): {@code O(|measurements|·rows·cols)}. */
    @Override
    public DenseMeasurementOperator select(int[] measurements) {
        requireSelection(measurements);
        double[] selected = new double[Math.multiplyExact(measurements.length, stride)];
        for (int k = 0; k < measurements.length; k++) {
            System.arraycopy(data, measurements[k] * stride, selected, k * stride, stride);
        }
        // Blocks of a symmetric operator are symmetric; otherwise the general kernels are right for any blocks.
        return new DenseMeasurementOperator(measurements.length, rows, cols, selected, symmetric);
    }

    /**
     * {@code ⟨Aᵢ, X⟩} as the dot product of {@code vec(Aᵢ)} and {@code vec(X)}, whatever the storage: a packed
     * {@code Aᵢ} is unpacked into a per-thread block first, so the values (and the measurements {@code b} of a truth)
     * have the same bits either way.
     */
    @Override
    public double[] apply(AmbientMatrix x) {
        DenseMatrix dense = x.toDense();
        requireShape(dense, rows, cols, "apply");
        double[] xd = dense.data();
        double[] out = new double[size];
        int block = rows * cols;
        if (symmetric) {
            ThreadLocal<double[]> full = ThreadLocal.withInitial(() -> new double[block]);
            forEachMeasurement(i -> {
                double[] a = full.get();
                SymmetricPacking.unpack(data, i * stride, rows, a, 0);
                out[i] = Kernels.fusedDot(a, 0, xd, 0, block);
            });
        } else {
            forEachMeasurement(i -> out[i] = Kernels.fusedDot(data, i * stride, xd, 0, block));
        }
        return out;
    }

    @Override
    public DenseMatrix adjoint(double[] w) {
        if (w.length != size) {
            throw new IllegalArgumentException("adjoint: expected " + size + " weights, got " + w.length);
        }
        return weightedSum(i -> w[i]);
    }

    /**
     * One pass: for each measurement, its products {@code AᵢV} and {@code AᵢᵀU}, then its value {@code ⟨AᵢV, P⟩} and
     * weight, then {@code wᵢAᵢ} added to a per-chunk partial adjoint while {@code Aᵢ} is still in cache.
     */
    @Override
    public FactorJacobian linearize(DenseMatrix u, DenseMatrix v, DenseMatrix p, ResidualWeight weight) {
        requireFactors(u, v, p);
        int r = u.cols();
        boolean sameFactor = symmetric && u == v;
        double[] left = new double[checkedSize(size, rows, r)];
        double[] right = sameFactor ? left : new double[checkedSize(size, cols, r)];
        double[] values = new double[size];
        double[] weights = new double[size];
        double[] pd = p.data();
        Products products = new Products(u, v, left, right);
        DenseMatrix g = weightedSum(i -> {
            products.compute(i);
            values[i] = Kernels.dot(left, i * rows * r, pd, 0, rows * r);
            weights[i] = weight.weight(i, values[i]);
            return weights[i];
        });
        return new Jacobian(r, left, right, values, weights, g);
    }

    /**
     * {@code Σ wᵢAᵢ} in one pass, with {@code wᵢ = weightOf(i)} evaluated just before {@code Aᵢ} is added (so it
     * may first use {@code Aᵢ} while in cache). Each chunk sums into its own partial, eight measurements per sweep of
     * it (their blocks are still in L2), each entry a fused chain over the measurements in order; the partials are
     * added in chunk order. A symmetric operator's sum is symmetric: its packed triangle is accumulated, then
     * unpacked.
     */
    private DenseMatrix weightedSum(IntToDoubleFunction weightOf) {
        int chunks = chunkCount();
        double[][] partial = new double[chunks][stride];
        double[] w = new double[size];
        IntStream.range(0, chunks).parallel().forEach(c -> {
            int end = chunkStart(c + 1, chunks);
            for (int i = chunkStart(c, chunks); i < end; i += SUM_GROUP) {
                int to = Math.min(i + SUM_GROUP, end);
                boolean any = false;
                for (int k = i; k < to; k++) {
                    w[k] = weightOf.applyAsDouble(k);
                    any |= w[k] != 0;
                }
                if (!any) {
                    continue;
                }
                Kernels.weightedSum(w, i, to, data, stride, 0, stride, partial[c]);
            }
        });
        for (int c = 1; c < partial.length; c++) {
            Kernels.axpy(1, partial[c], 0, partial[0], 0, stride);
        }
        if (!symmetric) {
            return DenseMatrix.wrap(rows, cols, partial[0]);
        }
        double[] full = new double[rows * cols];
        SymmetricPacking.unpack(partial[0], 0, rows, full, 0);
        return DenseMatrix.wrap(rows, cols, full);
    }

    /** The product kernels of {@link #linearize} for one measurement at a time. */
    private final class Products {
        private final int r;
        private final double[] ud;
        private final double[] vd;
        private final double[] left;
        private final double[] right;
        /** Per thread: one unpacked {@code Aᵢ}, for a symmetric operator with distinct factors. */
        private final ThreadLocal<double[]> scratch;

        Products(DenseMatrix u, DenseMatrix v, double[] left, double[] right) {
            this.r = u.cols();
            this.ud = u.data();
            this.vd = v.data();
            this.left = left;
            this.right = right;
            this.scratch = symmetric && left != right ? ThreadLocal.withInitial(() -> new double[rows * cols]) : null;
        }

        void compute(int i) {
            int leftBase = i * rows * r;
            if (left == right) {
                // Aᵢ = Aᵢᵀ and U = V: AᵢV = AᵢᵀU, so half the work, from the packed triangle read once from memory,
                // each packed number serving both entries it stands for.
                Kernels.symmetricMultiply(data, i * stride, rows, ud, 0, r, left, leftBase);
                return;
            }
            double[] a = data;
            int aBase = i * stride;
            if (symmetric) {
                a = scratch.get();
                aBase = 0;
                SymmetricPacking.unpack(data, i * stride, rows, a, 0);
            }
            // AᵢᵀU first: dot products of the columns of Aᵢ with those of U read Aᵢ in storage order, which the
            // hardware prefetcher follows when Aᵢ comes from memory; AᵢV then finds it in cache (its register tiles
            // read each column in short runs, a pattern that streamed from memory at two thirds of the speed).
            Kernels.transposeMultiply(a, aBase, rows, cols, ud, 0, r, right, i * cols * r, cols);
            // AᵢV: each entry a fused chain over the columns of Aᵢ in order (no reductions), so the Vector API
            // runs it at full width and the scalar path in the same order.
            Kernels.multiply(a, aBase, rows, cols, vd, 0, r, left, leftBase);
        }
    }

    /** The cached blocks {@code AᵢV} ({@code left}) and {@code AᵢᵀU} ({@code right}) of one point. */
    private final class Jacobian extends MeasuredPoint<DenseMatrix> {
        private final int r;
        private final double[] left;
        private final double[] right;

        Jacobian(int r, double[] left, double[] right, double[] values, double[] weights,
                 DenseMatrix adjointOfWeights) {
            super(values, weights, adjointOfWeights, DenseMeasurementOperator.this::adjoint);
            this.r = r;
            this.left = left;
            this.right = right;
        }

        @Override
        public double[] push(DenseMatrix a, DenseMatrix b) {
            requireShape(a, rows, r, "push(a)");
            requireShape(b, cols, r, "push(b)");
            double[] out = new double[size];
            double[] ad = a.data();
            if (left == right && a == b) {
                // ⟨AᵢX, Ẋ⟩ + ⟨AᵢᵀX, Ẋ⟩ with equal terms: one sweep, doubled exactly.
                inChunks(hvpChunks(rows), (from, to) -> {
                    Kernels.dotEach(left, rows * r, from, to, ad, out);
                    for (int i = from; i < to; i++) {
                        out[i] += out[i];
                    }
                });
                return out;
            }
            double[] bd = b.data();
            double[] fromB = new double[size];
            // Both halves of each chunk in one task, while its blocks are in cache.
            inChunks(hvpChunks(rows + cols), (from, to) -> {
                Kernels.dotEach(left, rows * r, from, to, ad, out);
                Kernels.dotEach(right, cols * r, from, to, bd, fromB);
                for (int i = from; i < to; i++) {
                    out[i] += fromB[i];
                }
            });
            return out;
        }

        /**
         * One sweep of the cache on one thread ({@link Kernels#gaussNewton}), at every size: it reads the blocks
         * once, where a push and a pull split over two threads read them twice and need a second core that a loaded
         * machine, or trials run side by side, do not have to spare; measured, the sweep was the faster in every run
         * but two (docs/performance.md). Its bits are those of the push, the scaling and the pull, split or not. One
         * block family pushed along two directions (no lift does that) is left to the push and the pull.
         */
        @Override
        public Pullback gaussNewton(DenseMatrix a, DenseMatrix b, double[] s, double[] scaled) {
            requireShape(a, rows, r, "gaussNewton(a)");
            requireShape(b, cols, r, "gaussNewton(b)");
            if (s.length != size || scaled.length != size) {
                throw new IllegalArgumentException("gaussNewton: expected " + size + " factors and " + size
                        + " outputs, got " + s.length + " and " + scaled.length);
            }
            boolean oneFamily = left == right;
            if (oneFamily && a != b) {
                return super.gaussNewton(a, b, s, scaled);
            }
            double[] outLeft = new double[rows * r];
            if (oneFamily) {
                Kernels.gaussNewton(left, rows * r, a.data(), null, 0, null, s, scaled, outLeft, null);
                DenseMatrix l = DenseMatrix.wrap(rows, r, outLeft);
                return new Pullback(l, l);
            }
            double[] outRight = new double[cols * r];
            Kernels.gaussNewton(left, rows * r, a.data(), right, cols * r, b.data(), s, scaled, outLeft, outRight);
            return new Pullback(DenseMatrix.wrap(rows, r, outLeft), DenseMatrix.wrap(cols, r, outRight));
        }

        @Override
        public Pullback pull(double[] w) {
            DenseMatrix l = sum(w, left, rows);
            return new Pullback(l, left == right ? l : sum(w, right, cols));
        }

        /**
         * {@code Σ wᵢ·blocksᵢ}, split by entries of the result (not by measurements), so every entry is the same
         * chain over all measurements in order however many threads run it.
         */
        private DenseMatrix sum(double[] w, double[] blocks, int height) {
            int n = height * r;
            double[] out = new double[n];
            int chunks = hvpChunks(height);
            inChunks(chunks, n, (lo, hi) -> Kernels.weightedSum(w, 0, size, blocks, n, lo, hi, out));
            return DenseMatrix.wrap(height, r, out);
        }

        /** Two chunks when the cached blocks of a push or pull ({@code size·height·r} numbers) are worth forking. */
        private int hvpChunks(int height) {
            return (long) size * height * r >= hvpParallelThreshold && size >= 2 ? HVP_CHUNKS : 1;
        }

        private void inChunks(int chunks, RangeBody body) {
            inChunks(chunks, size, body);
        }

        /** Runs {@code body} on {@code chunks} fixed ranges of {@code [0, n)}: serially if one, else forked. */
        private void inChunks(int chunks, int n, RangeBody body) {
            if (chunks == 1) {
                body.run(0, n);
                return;
            }
            IntStream.range(0, chunks).parallel()
                    .forEach(c -> body.run((int) ((long) n * c / chunks), (int) ((long) n * (c + 1) / chunks)));
        }
    }

    /** A body over the range {@code [from, to)}. */
    @FunctionalInterface
    private interface RangeBody {
        void run(int from, int to);
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

    private static void requireShape(DenseMatrix x, int rows, int cols, String where) {
        if (x.rows() != rows || x.cols() != cols) {
            throw new IllegalArgumentException(where + ": expected a " + rows + "x" + cols + " matrix, got "
                    + x.rows() + "x" + x.cols());
        }
    }
}
