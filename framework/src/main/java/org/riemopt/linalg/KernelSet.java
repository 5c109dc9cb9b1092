package org.riemopt.linalg;

/**
 * The inner loops of dense operator application, in one of two implementations that give bit-identical results:
 * {@link ScalarKernels} (plain Java, always available) and {@code VectorKernels} (the Vector API, used when the
 * JVM runs with {@code --add-modules jdk.incubator.vector}). Every sum is formed in an order that does not depend on
 * the implementation: products and sums are fused ({@link Math#fma}), axpy-like sums run lane by lane in a fixed
 * order over their terms, and dot products keep eight lane accumulators, combined in a fixed tree, with the tail
 * added last. Arrays are documented as read or written as in {@link Kernels}.
 */
interface KernelSet {

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
     * {@code out[oo + k + c·stride] = dot(a, ao + k·rows, u, uo + c·rows, rows)}: {@code AᵀU} for the column-major
     * {@code rows x cols} block {@code A} at {@code ao} and the column-major {@code rows x r} block {@code U}.
     */
    void transposeMultiply(double[] a, int ao, int rows, int cols, double[] u, int uo, int r, double[] out, int oo,
                           int stride);

    /**
     * {@code A·X} for the symmetric {@code n x n} matrix {@code A} packed at {@code ao} ({@link SymmetricPacking}) and
     * the column-major {@code n x r} block {@code X} at {@code xo}: {@code out[oo + k + c·n] = dot(column k of A,
     * column c of X)} over the full column, so exactly the bits of {@link #transposeMultiply} on the unpacked matrix,
     * though only the packed numbers are read. {@code scratch} holds at least {@code 8·n·r} numbers; its contents are
     * overwritten.
     */
    void symmetricMultiply(double[] a, int ao, int n, double[] x, int xo, int r, double[] out, int oo,
                           double[] scratch);

    /**
     * {@code out[k] = fma(w[i], blocks[i·n + k], out[k])} for {@code i = from, from + 1, ..., to - 1} in this order,
     * for {@code lo <= k < hi}.
     */
    void weightedSum(double[] w, int from, int to, double[] blocks, int n, int lo, int hi, double[] out);

    /** {@code y[yo+k] = fma(a, x[xo+k], y[yo+k])} for {@code k < n}. */
    void axpy(double a, double[] x, int xo, double[] y, int yo, int n);
}
