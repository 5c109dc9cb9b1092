package org.riemopt.linalg;

/**
 * Allocation-free kernels on raw arrays, the inner loops of operator application. Arrays are documented as
 * <em>read</em> (not modified) or <em>written</em>.
 *
 * <p>{@link #dot}, {@link #dot2} and {@link #axpy} are the general-purpose loops (four accumulators: HotSpot does
 * not vectorize a floating-point reduction). The {@code fused} kernels below them are the dense operator's: fused
 * multiply-adds in an order fixed independently of the hardware, run on the Vector API when the JVM has
 * {@code jdk.incubator.vector} and in plain Java otherwise, with bit-identical results ({@link KernelSet}).
 */
public final class Kernels {

    private static final KernelSet FUSED = load();

    private Kernels() {
    }

    /** Returns {@code Σ x[xo+k]·y[yo+k]} for {@code k < n}. Read: x, y. */
    public static double dot(double[] x, int xo, double[] y, int yo, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int k = 0;
        for (; k + 3 < n; k += 4) {
            s0 += x[xo + k] * y[yo + k];
            s1 += x[xo + k + 1] * y[yo + k + 1];
            s2 += x[xo + k + 2] * y[yo + k + 2];
            s3 += x[xo + k + 3] * y[yo + k + 3];
        }
        for (; k < n; k++) {
            s0 += x[xo + k] * y[yo + k];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * Two dot products of {@code x} in one sweep: {@code out[o1] = Σ x[xo+k]·y[y1+k]} and
     * {@code out[o2] = Σ x[xo+k]·y[y2+k]}. Each sum is formed in exactly the order of {@link #dot}, so the results
     * are bit-identical to two calls, but {@code x} is read once and eight independent chains keep the core busy.
     * Read: x, y. Written: out.
     */
    public static void dot2(double[] x, int xo, double[] y, int y1, int y2, int n, double[] out, int o1, int o2) {
        double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
        double b0 = 0, b1 = 0, b2 = 0, b3 = 0;
        int k = 0;
        for (; k + 3 < n; k += 4) {
            double x0 = x[xo + k];
            double x1 = x[xo + k + 1];
            double x2 = x[xo + k + 2];
            double x3 = x[xo + k + 3];
            a0 += x0 * y[y1 + k];
            a1 += x1 * y[y1 + k + 1];
            a2 += x2 * y[y1 + k + 2];
            a3 += x3 * y[y1 + k + 3];
            b0 += x0 * y[y2 + k];
            b1 += x1 * y[y2 + k + 1];
            b2 += x2 * y[y2 + k + 2];
            b3 += x3 * y[y2 + k + 3];
        }
        for (; k < n; k++) {
            a0 += x[xo + k] * y[y1 + k];
            b0 += x[xo + k] * y[y2 + k];
        }
        out[o1] = (a0 + a1) + (a2 + a3);
        out[o2] = (b0 + b1) + (b2 + b3);
    }

    /**
     * The name of the fused kernels in use: {@code "vector"} (the Vector API, when the JVM runs with
     * {@code --add-modules jdk.incubator.vector} on a CPU with 256-bit vectors) or {@code "scalar"}. Both give
     * bit-identical results; the system property {@code riemopt.kernels=scalar} forces the scalar ones.
     */
    public static String implementation() {
        return FUSED instanceof ScalarKernels ? "scalar" : "vector";
    }

    /**
     * {@code Σ x[xo+k]·y[yo+k]} for {@code k < n} with fused multiply-adds in eight lanes, combined in a fixed tree
     * ({@link KernelSet#dot}): the dot product of the operator kernels. Read: x, y.
     */
    public static double fusedDot(double[] x, int xo, double[] y, int yo, int n) {
        return FUSED.dot(x, xo, y, yo, n);
    }

    /**
     * {@code out[i] = fusedDot(blocks, i·n, x, 0, n)} for {@code from <= i < to}. Read: blocks, x. Written: out.
     */
    public static void dotEach(double[] blocks, int n, int from, int to, double[] x, double[] out) {
        FUSED.dotEach(blocks, n, from, to, x, out);
    }

    /**
     * {@code out = A·F}: {@code A} the column-major {@code rows x cols} block of {@code a} at {@code ao}, {@code F}
     * the column-major {@code cols x r} block of {@code f} at {@code fo}, {@code out} column-major {@code rows x r} at
     * {@code oo}. Each entry is a fused chain over the columns of {@code A} in order (axpys, no reductions). Read: a,
     * f. Written: out.
     */
    public static void multiply(double[] a, int ao, int rows, int cols, double[] f, int fo, int r, double[] out,
                                int oo) {
        FUSED.multiply(a, ao, rows, cols, f, fo, r, out, oo);
    }

    /**
     * {@link #multiply} with every product and sum rounded, as {@link #axpy} rounds them: each entry is
     * {@code ((0 + A[j,0]·F[0,c]) + A[j,1]·F[1,c]) + ...} in the order of the columns of {@code A}. Read: a, f.
     * Written: out.
     */
    public static void multiplyUnfused(double[] a, int ao, int rows, int cols, double[] f, int fo, int r,
                                       double[] out, int oo) {
        FUSED.multiplyUnfused(a, ao, rows, cols, f, fo, r, out, oo);
    }

    /**
     * {@code out[oo + k + c·stride] = fusedDot(a, ao + k·rows, u, uo + c·rows, rows)}: {@code AᵀU} for {@code A}
     * as in {@link #multiply} and {@code U} column-major {@code rows x r}. Read: a, u. Written: out.
     */
    public static void transposeMultiply(double[] a, int ao, int rows, int cols, double[] u, int uo, int r,
                                         double[] out, int oo, int stride) {
        FUSED.transposeMultiply(a, ao, rows, cols, u, uo, r, out, oo, stride);
    }

    /**
     * {@code out = A·X} for the symmetric {@code n x n} matrix {@code A} packed at {@code ao} ({@link SymmetricPacking})
     * and {@code X} column-major {@code n x r} at {@code xo}; {@code out} column-major {@code n x r} at {@code oo}. Every
     * packed number read serves both of the entries it stands for (and the operator is read from memory once): output
     * {@code k} is the dot product of the rows stored in column {@code k} (four lanes, combined as {@code
     * (s0+s1)+(s2+s3)}, then its last {@code h mod 4} rows), continued in increasing order by one fma for each later
     * column that stores a row {@code k}. Read: a, x. Written: out.
     */
    public static void symmetricMultiply(double[] a, int ao, int n, double[] x, int xo, int r, double[] out, int oo) {
        FUSED.symmetricMultiply(a, ao, n, x, xo, r, out, oo);
    }

    /**
     * {@code out[k] = fma(w[i], blocks[i·n + k], out[k])} for {@code i = from, ..., to - 1} in order and
     * {@code lo <= k < hi}: the weighted sum of blocks restricted to a range of entries, so that disjoint ranges can
     * run in parallel without changing any bit. Read: w, blocks. Written: out.
     */
    public static void weightedSum(double[] w, int from, int to, double[] blocks, int n, int lo, int hi,
                                   double[] out) {
        FUSED.weightedSum(w, from, to, blocks, n, lo, hi, out);
    }

    /**
     * The Gauss–Newton product {@code Jᵀ(s ⊙ J·(a, b))} of a Jacobian kept as one block per measurement, in one
     * sweep of the blocks ({@link KernelSet#gaussNewton}): for each measurement {@code i} in order,
     * {@code c[i] = (d + d)·s[i]} ({@code right} null: the blocks stand for both halves, as for {@code XXᵀ} with
     * symmetric {@code Aᵢ}) or {@code (d + ⟨right_i, b⟩)·s[i]} with {@code d = ⟨left_i, a⟩}, then
     * {@code outLeft += c[i]·left_i} and {@code outRight += c[i]·right_i}, fused. The bits are those of
     * {@link #dotEach} on each half, their sum scaled, then {@link #weightedSum} over all the measurements. Read:
     * left, a, right, b, s. Written: c ({@code s.length} numbers). Added to: outLeft, outRight.
     */
    public static void gaussNewton(double[] left, int nl, double[] a, double[] right, int nr, double[] b, double[] s,
                                   double[] c, double[] outLeft, double[] outRight) {
        FUSED.gaussNewton(left, nl, a, right, nr, b, s, c, outLeft, outRight);
    }

    /** {@code y[yo+k] = fma(a, x[xo+k], y[yo+k])} for {@code k < n}. Read: x. Written: y. */
    public static void fusedAxpy(double a, double[] x, int xo, double[] y, int yo, int n) {
        FUSED.axpy(a, x, xo, y, yo, n);
    }

    /** The kernels in use: vector ones when the module is present and the CPU has 256-bit vectors, else scalar. */
    private static KernelSet load() {
        if ("scalar".equals(System.getProperty("riemopt.kernels"))
                || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return new ScalarKernels();
        }
        try {
            Class<?> vector = Class.forName("org.riemopt.linalg.VectorKernels");
            if (!(Boolean) vector.getDeclaredMethod("supported").invoke(null)) {
                return new ScalarKernels();
            }
            return (KernelSet) vector.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return new ScalarKernels();
        }
    }

    /** {@code y[yo+k] += a·x[xo+k]} for {@code k < n}. Read: x. Written: y. */
    public static void axpy(double a, double[] x, int xo, double[] y, int yo, int n) {
        for (int k = 0; k < n; k++) {
            y[yo + k] += a * x[xo + k];
        }
    }

    /** {@code y[k] = a·x[k] + b·y[k]}, whole arrays of equal length. Read: x. Written: y. */
    public static void axpby(double a, double[] x, double b, double[] y) {
        for (int k = 0; k < y.length; k++) {
            y[k] = a * x[k] + b * y[k];
        }
    }
}
