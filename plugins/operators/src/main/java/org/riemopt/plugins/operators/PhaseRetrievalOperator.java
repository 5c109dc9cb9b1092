package org.riemopt.plugins.operators;

import java.util.stream.IntStream;

import org.riemopt.linalg.AmbientMatrix;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.linalg.Kernels;
import org.riemopt.problem.FactorJacobian;
import org.riemopt.problem.MeasuredPoint;
import org.riemopt.problem.MeasurementOperator;
import org.riemopt.problem.ResidualWeight;

/**
 * Phase retrieval lifted to {@code n x n} matrices: {@code A(M)ᵢ = ⟨aᵢaᵢᵀ, M⟩ = aᵢᵀ M aᵢ}, so that
 * {@code A(xxᵀ)ᵢ = (aᵢᵀx)²} (Candès, Strohmer and Voroninski, "PhaseLift", 2013). The vectors {@code aᵢ} are kept
 * as an {@code m x n} row-major array ({@code aᵢ} contiguous); no {@code n x n} measurement matrix is ever formed.
 *
 * <p>A linearization at {@code (U, V, P)} keeps the projections {@code Uᵀaᵢ}, {@code Vᵀaᵢ} (one array when
 * {@code U == V}) and {@code Pᵀaᵢ} (reused when {@code P} is {@code U} or {@code V}), {@code O(m·r)}, computed in one
 * pass over the vectors; a push and a pullback each cost one more pass, and the adjoint {@code Σ wᵢaᵢaᵢᵀ} is an
 * implicit matrix whose product with {@code Y} is one pass too. Large operators are split over the common pool in a
 * fixed number of chunks, so that summed results are bit-identical on every machine.
 */
public final class PhaseRetrievalOperator implements MeasurementOperator {

    /** Below this many stored numbers a single thread is faster than forking. */
    private static final long PARALLEL_THRESHOLD = 1L << 18;
    private static final int PARALLEL_CHUNKS = 4;

    private final int size;
    private final int n;
    private final double[] vectors;

    private PhaseRetrievalOperator(int size, int n, double[] vectors) {
        this.size = size;
        this.n = n;
        this.vectors = vectors;
    }

    /**
     * The operator whose vectors {@code aᵢ} are the rows of {@code vectors} ({@code m x n}; copied).
     *
     * @throws IllegalArgumentException if an entry is not finite
     */
    public static PhaseRetrievalOperator of(DenseMatrix vectors) {
        return wrap(vectors.rows(), vectors.cols(), vectors.transpose().data());
    }

    /**
     * The operator over {@code m} vectors of length {@code n} stored row by row ({@code rowMajor[i·n + k] = aᵢ[k]}).
     * The array is taken over, not copied: a generator fills it in place.
     *
     * @throws IllegalArgumentException if the length does not match or an entry is not finite
     */
    public static PhaseRetrievalOperator wrap(int m, int n, double[] rowMajor) {
        if (m < 1 || n < 1 || rowMajor.length != (long) m * n) {
            throw new IllegalArgumentException("phase retrieval with " + m + " vectors of length " + n + " needs "
                    + (long) m * n + " numbers, got " + rowMajor.length);
        }
        for (int k = 0; k < rowMajor.length; k++) {
            if (!Double.isFinite(rowMajor[k])) {
                throw new IllegalArgumentException("vector " + k / n + " has a non-finite entry (" + rowMajor[k]
                        + ")");
            }
        }
        return new PhaseRetrievalOperator(m, n, rowMajor);
    }

    @Override
    public long dataBytes() {
        return 8L * vectors.length;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int rows() {
        return n;
    }

    @Override
    public int cols() {
        return n;
    }

    /** The selected vectors {@code aᵢ}, copied: {@code O(|measurements|·n)}. */
    @Override
    public PhaseRetrievalOperator select(int[] measurements) {
        requireSelection(measurements);
        double[] selected = new double[measurements.length * n];
        for (int k = 0; k < measurements.length; k++) {
            System.arraycopy(vectors, measurements[k] * n, selected, k * n, n);
        }
        return new PhaseRetrievalOperator(measurements.length, n, selected);
    }

    /** {@code aᵢᵀ X aᵢ}, from {@code X·[a₁ … a_m]} (for a factored {@code X}, {@code O(m·n·k)}). */
    @Override
    public double[] apply(AmbientMatrix x) {
        if (x.rows() != n || x.cols() != n) {
            throw new IllegalArgumentException("apply: expected a " + n + "x" + n + " matrix, got " + x.rows() + "x"
                    + x.cols());
        }
        // The row-major m x n array is the column-major n x m matrix [a₁ … a_m].
        double[] xa = x.times(DenseMatrix.wrap(n, size, vectors)).data();
        double[] out = new double[size];
        forEachChunk((from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = Kernels.dot(vectors, i * n, xa, i * n, n);
            }
        });
        return out;
    }

    /** The implicit {@code Σ wᵢaᵢaᵢᵀ}; {@code w} is copied. */
    @Override
    public AmbientMatrix adjoint(double[] w) {
        Shapes.requireLength(w, size, "adjoint");
        return new WeightedOuterProducts(w.clone());
    }

    @Override
    public FactorJacobian linearize(DenseMatrix u, DenseMatrix v, DenseMatrix p, ResidualWeight weight) {
        requireFactors(u, v, p);
        int r = u.cols();
        double[][] projections = project(r, u, v, p);
        double[] ua = projections[0];
        double[] va = projections[1];
        double[] pa = projections[2];
        double[] values = new double[size];
        double[] weights = new double[size];
        forEachChunk((from, to) -> {
            for (int i = from; i < to; i++) {
                values[i] = Kernels.dot(pa, i * r, va, i * r, r);
                weights[i] = weight.weight(i, values[i]);
            }
        });
        return new Jacobian(r, ua, va, values, weights);
    }

    /**
     * One pass over the vectors: {@code out[f][i·r + c] = ⟨aᵢ, factors[f][:, c]⟩}, the same array for a factor
     * that appears twice (as the same object). Factors are {@code n x r}; read, not modified.
     */
    private double[][] project(int r, DenseMatrix... factors) {
        double[][] out = new double[factors.length][];
        boolean[] first = new boolean[factors.length];
        for (int f = 0; f < factors.length; f++) {
            for (int g = 0; g < f && out[f] == null; g++) {
                if (factors[g] == factors[f]) {
                    out[f] = out[g];
                }
            }
            first[f] = out[f] == null;
            if (first[f]) {
                out[f] = new double[size * r];
            }
        }
        forEachChunk((from, to) -> {
            for (int i = from; i < to; i++) {
                for (int f = 0; f < factors.length; f++) {
                    if (first[f]) {
                        projectOne(i, factors[f], out[f], i * r);
                    }
                }
            }
        });
        return out;
    }

    /** {@code into[at + c] = ⟨aᵢ, f[:, c]⟩} for every column {@code c} of {@code f}. Written: into. */
    private void projectOne(int i, DenseMatrix f, double[] into, int at) {
        double[] fd = f.data();
        int c = 0;
        for (; c + 1 < f.cols(); c += 2) {
            Kernels.dot2(vectors, i * n, fd, c * n, (c + 1) * n, n, into, at + c, at + c + 1);
        }
        if (c < f.cols()) {
            into[at + c] = Kernels.dot(vectors, i * n, fd, c * n, n);
        }
    }

    /**
     * {@code Σᵢ wᵢ aᵢ tᵢᵀ} ({@code n x r}) for each source of projections {@code tᵢ} ({@code r} numbers per
     * measurement), all in one pass over the vectors; per-chunk partial sums are added in chunk order.
     */
    private DenseMatrix[] sumOuter(double[] w, int r, Projection... sources) {
        int chunks = chunkCount();
        double[][][] partial = new double[chunks][sources.length][n * r];
        IntStream.range(0, chunks).parallel().forEach(chunk -> {
            double[] t = new double[r];
            for (int i = chunkStart(chunk, chunks); i < chunkStart(chunk + 1, chunks); i++) {
                if (w[i] == 0) {
                    continue;
                }
                for (int s = 0; s < sources.length; s++) {
                    sources[s].of(i, t);
                    for (int c = 0; c < r; c++) {
                        Kernels.axpy(w[i] * t[c], vectors, i * n, partial[chunk][s], c * n, n);
                    }
                }
            }
        });
        DenseMatrix[] out = new DenseMatrix[sources.length];
        for (int s = 0; s < sources.length; s++) {
            for (int chunk = 1; chunk < chunks; chunk++) {
                Kernels.axpy(1, partial[chunk][s], 0, partial[0][s], 0, n * r);
            }
            out[s] = DenseMatrix.wrap(n, r, partial[0][s]);
        }
        return out;
    }

    /** The projections {@code tᵢ} of one measurement, written to {@code into[0 … r)}. */
    @FunctionalInterface
    private interface Projection {
        void of(int i, double[] into);
    }

    /** Projections cached by a linearization, {@code r} per measurement. */
    private static Projection cached(double[] projections, int r) {
        return (i, into) -> System.arraycopy(projections, i * r, into, 0, r);
    }

    /** The implicit adjoint {@code G = Σ wᵢaᵢaᵢᵀ}, symmetric: {@code G·Y = Σ wᵢaᵢ(aᵢᵀY)} in one pass. */
    private final class WeightedOuterProducts implements AmbientMatrix {
        private final double[] w;

        WeightedOuterProducts(double[] w) {
            this.w = w;
        }

        @Override
        public int rows() {
            return n;
        }

        @Override
        public int cols() {
            return n;
        }

        @Override
        public DenseMatrix times(DenseMatrix y) {
            Shapes.require(y, n, y.cols(), "times");
            return sumOuter(w, y.cols(), (i, into) -> projectOne(i, y, into, 0))[0];
        }

        @Override
        public DenseMatrix transposeTimes(DenseMatrix y) {
            return times(y);
        }

        /** {@code G·I}: {@code n x n}, for moderate {@code n}. */
        @Override
        public DenseMatrix toDense() {
            return times(DenseMatrix.identity(n));
        }
    }

    /** The projections {@code Uᵀaᵢ} and {@code Vᵀaᵢ} of one point, row-major by measurement. */
    private final class Jacobian extends MeasuredPoint<AmbientMatrix> {
        private final int r;
        private final double[] ua;
        private final double[] va;

        Jacobian(int r, double[] ua, double[] va, double[] values, double[] weights) {
            super(values, weights, new WeightedOuterProducts(weights), PhaseRetrievalOperator.this::adjoint);
            this.r = r;
            this.ua = ua;
            this.va = va;
        }

        /** {@code ⟨aᵀaᵢ, Vᵀaᵢ⟩ + ⟨Uᵀaᵢ, bᵀaᵢ⟩}, with one pass for the directions' projections. */
        @Override
        public double[] push(DenseMatrix a, DenseMatrix b) {
            Shapes.require(a, n, r, "push(a)");
            Shapes.require(b, n, r, "push(b)");
            double[][] directions = project(r, a, b);
            double[] out = new double[size];
            forEachChunk((from, to) -> {
                for (int i = from; i < to; i++) {
                    out[i] = Kernels.dot(directions[0], i * r, va, i * r, r)
                            + Kernels.dot(ua, i * r, directions[1], i * r, r);
                }
            });
            return out;
        }

        /** {@code (Σ wᵢaᵢ(aᵢᵀV), Σ wᵢaᵢ(aᵢᵀU))} from the cache, one pass; one matrix when {@code U == V}. */
        @Override
        public Pullback pull(double[] w) {
            Shapes.requireLength(w, size, "pull");
            if (ua == va) {
                DenseMatrix g = sumOuter(w, r, cached(va, r))[0];
                return new Pullback(g, g);
            }
            DenseMatrix[] sums = sumOuter(w, r, cached(va, r), cached(ua, r));
            return new Pullback(sums[0], sums[1]);
        }
    }

    @FunctionalInterface
    private interface Range {
        void run(int from, int to);
    }

    private void forEachChunk(Range body) {
        int chunks = chunkCount();
        if (chunks == 1) {
            body.run(0, size);
            return;
        }
        IntStream.range(0, chunks).parallel().forEach(c -> body.run(chunkStart(c, chunks), chunkStart(c + 1, chunks)));
    }

    /** A fixed chunk count, not tied to the core count, so that partial sums are the same on every machine. */
    private int chunkCount() {
        return (long) size * n < PARALLEL_THRESHOLD ? 1 : Math.min(size, PARALLEL_CHUNKS);
    }

    private int chunkStart(int c, int chunks) {
        return (int) ((long) size * c / chunks);
    }
}
