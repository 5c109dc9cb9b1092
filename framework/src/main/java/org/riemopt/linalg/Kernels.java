package org.riemopt.linalg;

/**
 * Allocation-free kernels on raw arrays, the inner loops of operator application. Arrays are documented as
 * <em>read</em> (not modified) or <em>written</em>.
 *
 * <p>The dot product keeps four independent accumulators: HotSpot does not vectorize a floating-point reduction
 * (it would reorder the sum), so splitting the dependency chain is what lets the loop approach memory bandwidth.
 */
public final class Kernels {

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
     * {@code out[i] = Σ_k blocks[i·n + k]·x[k]} for every block {@code i < out.length}, two blocks per sweep of
     * {@code x} ({@link #dot2}); bit-identical to one {@link #dot} per block. Read: blocks, x. Written: out.
     */
    public static void dotEach(double[] blocks, int n, double[] x, double[] out) {
        int i = 0;
        for (; i + 1 < out.length; i += 2) {
            dot2(x, 0, blocks, i * n, (i + 1) * n, n, out, i, i + 1);
        }
        if (i < out.length) {
            out[i] = dot(blocks, i * n, x, 0, n);
        }
    }

    /**
     * {@code out[k] += Σ_i w[i]·blocks[i·n + k]}: a weighted sum of the {@code w.length} blocks of length {@code n}.
     * Read: w, blocks. Written: out.
     */
    public static void weightedSum(double[] w, double[] blocks, int n, double[] out) {
        for (int i = 0; i < w.length; i++) {
            axpy(w[i], blocks, i * n, out, 0, n);
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
