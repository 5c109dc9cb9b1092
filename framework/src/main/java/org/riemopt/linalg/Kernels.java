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
