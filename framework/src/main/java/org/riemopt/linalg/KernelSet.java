package org.riemopt.linalg;

/**
 * The inner loops of dense operator application, in one of two implementations that give bit-identical results:
 * {@link ScalarKernels} (plain Java, always available) and {@code VectorKernels} (the Vector API, used when the
 * JVM runs with {@code --add-modules jdk.incubator.vector}). Every sum is formed in an order that does not depend on
 * the implementation: products and sums are fused ({@link Math#fma}), axpy-like sums run lane by lane in a fixed
 * order over their terms, and dot products keep eight lane accumulators (four in the packed symmetric product),
 * combined in a fixed tree, with the tail added last. Arrays are documented as read or written as in {@link Kernels}.
 */
interface KernelSet {

    /**
     * Measurements per group of {@link #gaussNewton}: eight blocks of 100 x 4 (25.6 kB) stay in a 32 kB L1 cache
     * between their dot products and their sums (with two block families, UVᵀ and fixed rank, sixteen blocks are
     * touched per group, and the larger ones come from L2), and eight is the widest sweep of {@link #weightedSum} (four or
     * sixteen were 2-7 % slower on the demo's sizes).
     */
    int GAUSS_NEWTON_GROUP = 8;

    /**
     * {@code Σ x[xo+k]·y[yo+k]} for {@code k < n}: eight lane sums {@code s_l} over {@code k = 8t + l < n - n mod 8},
     * combined as {@code ((s0+s4)+(s1+s5)) + ((s2+s6)+(s3+s7))}, then the last {@code n mod 8} terms fused in order.
     */
    double dot(double[] x, int xo, double[] y, int yo, int n);

    /** {@code out[i] = dot(blocks, i·n, x, 0, n)} for {@code from <= i < to}. */
    void dotEach(double[] blocks, int n, int from, int to, double[] x, double[] out);

    /**
     * {@code out[oo + j + c·rows] = Σ_k A[j, k]·F[k, c]} with {@code A} the column-major {@code rows x cols} block at
     * {@code ao} and {@code F} the column-major {@code cols x r} block at {@code fo}: for each output, a fused chain
     * over {@code k = 0, 1, ...} starting from 0 (an axpy per column of {@code A}, so no reductions).
     */
    void multiply(double[] a, int ao, int rows, int cols, double[] f, int fo, int r, double[] out, int oo);

    /**
     * {@link #multiply} with every product and sum rounded (unfused): for each output, {@code s = 0}, then
     * {@code s = s + A[j, k]·F[k, c]} for {@code k = 0, 1, ...}, the bits of one plain axpy per column of {@code A}.
     */
    void multiplyUnfused(double[] a, int ao, int rows, int cols, double[] f, int fo, int r, double[] out, int oo);

    /**
     * {@code out[oo + k + c·stride] = dot(a, ao + k·rows, u, uo + c·rows, rows)}: {@code AᵀU} for the column-major
     * {@code rows x cols} block {@code A} at {@code ao} and the column-major {@code rows x r} block {@code U}.
     */
    void transposeMultiply(double[] a, int ao, int rows, int cols, double[] u, int uo, int r, double[] out, int oo,
                           int stride);

    /**
     * {@code out = A·X} for the symmetric {@code n x n} matrix {@code A} packed at {@code ao} ({@link SymmetricPacking})
     * and the column-major {@code n x r} block {@code X} at {@code xo}, each packed number serving both entries it
     * stands for, in the order of {@link ScalarKernels#symmetricMultiply}: output {@code k} is the four-lane dot product
     * of the rows stored in column {@code k} (then its last {@code h mod 4} rows), continued by one fma for each later
     * column that stores a row {@code k}, in increasing order.
     */
    void symmetricMultiply(double[] a, int ao, int n, double[] x, int xo, int r, double[] out, int oo);

    /**
     * {@code out[k] = fma(w[i], blocks[i·n + k], out[k])} for {@code i = from, from + 1, ..., to - 1} in this order,
     * for {@code lo <= k < hi}.
     */
    void weightedSum(double[] w, int from, int to, double[] blocks, int n, int lo, int hi, double[] out);

    /** {@code y[yo+k] = fma(a, x[xo+k], y[yo+k])} for {@code k < n}. */
    void axpy(double a, double[] x, int xo, double[] y, int yo, int n);

    /**
     * The Gauss–Newton product {@code Jᵀ(s ⊙ J·(a, b))} of a Jacobian kept as blocks, in one sweep over the
     * measurements {@code i = 0, ..., s.length - 1} in order: {@code c[i] = (d + d)·s[i]} when {@code right} is null
     * (one block family standing for both halves), else {@code c[i] = (d + dot(right, i·nr, b, 0, nr))·s[i]}, with
     * {@code d = dot(left, i·nl, a, 0, nl)}; then {@code outLeft[k] = fma(left[i·nl + k], c[i], outLeft[k])} for
     * {@code k < nl}, and likewise {@code outRight} from {@code right}. Each {@code c[i]} thus has the bits of
     * {@link #dotEach} (summed, then scaled), and each output entry those of {@link #weightedSum} over all the
     * measurements, but the blocks are read from memory once: they are taken {@link #GAUSS_NEWTON_GROUP} at a time,
     * and summed while the dot products have just brought them into the core's cache. It is written once for both
     * implementations, from their own {@link #dotEach} and {@link #weightedSum}, so the two agree as those do.
     *
     * @param c written: the scaled products {@code c[i]}, as many as {@code s}
     * @param outLeft added to ({@code nl} numbers)
     * @param outRight added to ({@code nr} numbers); unused when {@code right} is null
     */
    default void gaussNewton(double[] left, int nl, double[] a, double[] right, int nr, double[] b, double[] s,
                             double[] c, double[] outLeft, double[] outRight) {
        int m = s.length;
        double[] fromRight = right == null ? null : new double[m];
        for (int from = 0; from < m; from += GAUSS_NEWTON_GROUP) {
            int to = Math.min(from + GAUSS_NEWTON_GROUP, m);
            dotEach(left, nl, from, to, a, c);
            if (right == null) {
                for (int i = from; i < to; i++) {
                    c[i] = (c[i] + c[i]) * s[i];
                }
            } else {
                dotEach(right, nr, from, to, b, fromRight);
                for (int i = from; i < to; i++) {
                    c[i] = (c[i] + fromRight[i]) * s[i];
                }
            }
            weightedSum(c, from, to, left, nl, 0, nl, outLeft);
            if (right != null) {
                weightedSum(c, from, to, right, nr, 0, nr, outRight);
            }
        }
    }
}
