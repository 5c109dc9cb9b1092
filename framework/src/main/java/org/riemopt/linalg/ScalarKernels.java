package org.riemopt.linalg;

/** The plain-Java {@link KernelSet}: the reference order of every sum, and the path when the Vector API is absent. */
final class ScalarKernels implements KernelSet {

    @Override
    public double dot(double[] x, int xo, double[] y, int yo, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int bound = n - (n & 7);
        int k = 0;
        for (; k < bound; k += 8) {
            s0 = Math.fma(x[xo + k], y[yo + k], s0);
            s1 = Math.fma(x[xo + k + 1], y[yo + k + 1], s1);
            s2 = Math.fma(x[xo + k + 2], y[yo + k + 2], s2);
            s3 = Math.fma(x[xo + k + 3], y[yo + k + 3], s3);
            s4 = Math.fma(x[xo + k + 4], y[yo + k + 4], s4);
            s5 = Math.fma(x[xo + k + 5], y[yo + k + 5], s5);
            s6 = Math.fma(x[xo + k + 6], y[yo + k + 6], s6);
            s7 = Math.fma(x[xo + k + 7], y[yo + k + 7], s7);
        }
        double s = ((s0 + s4) + (s1 + s5)) + ((s2 + s6) + (s3 + s7));
        for (; k < n; k++) {
            s = Math.fma(x[xo + k], y[yo + k], s);
        }
        return s;
    }

    @Override
    public void dotEach(double[] blocks, int n, int from, int to, double[] x, double[] out) {
        for (int i = from; i < to; i++) {
            out[i] = dot(blocks, i * n, x, 0, n);
        }
    }

    @Override
    public void multiply(double[] a, int ao, int rows, int cols, double[] f, int fo, int r, double[] out, int oo) {
        for (int c = 0; c < r; c++) {
            int o = oo + c * rows;
            int fc = fo + c * cols;
            java.util.Arrays.fill(out, o, o + rows, 0.0);
            int k = 0;
            for (; k + 3 < cols; k += 4) {
                double x0 = f[fc + k];
                double x1 = f[fc + k + 1];
                double x2 = f[fc + k + 2];
                double x3 = f[fc + k + 3];
                int a0 = ao + k * rows;
                int a1 = a0 + rows;
                int a2 = a1 + rows;
                int a3 = a2 + rows;
                for (int j = 0; j < rows; j++) {
                    out[o + j] = Math.fma(a[a3 + j], x3, Math.fma(a[a2 + j], x2,
                            Math.fma(a[a1 + j], x1, Math.fma(a[a0 + j], x0, out[o + j]))));
                }
            }
            for (; k < cols; k++) {
                double x0 = f[fc + k];
                int a0 = ao + k * rows;
                for (int j = 0; j < rows; j++) {
                    out[o + j] = Math.fma(a[a0 + j], x0, out[o + j]);
                }
            }
        }
    }

    @Override
    public void multiplyUnfused(double[] a, int ao, int rows, int cols, double[] f, int fo, int r, double[] out,
                                int oo) {
        for (int c = 0; c < r; c++) {
            int o = oo + c * rows;
            int fc = fo + c * cols;
            for (int j = 0; j < rows; j++) {
                double s = 0;
                for (int k = 0, col = ao + j; k < cols; k++, col += rows) {
                    s += a[col] * f[fc + k];
                }
                out[o + j] = s;
            }
        }
    }

    @Override
    public void transposeMultiply(double[] a, int ao, int rows, int cols, double[] u, int uo, int r, double[] out,
                                  int oo, int stride) {
        for (int k = 0; k < cols; k++) {
            for (int c = 0; c < r; c++) {
                out[oo + k + c * stride] = dot(a, ao + k * rows, u, uo + c * rows, rows);
            }
        }
    }

    /**
     * The reference order of the packed product, column by column in increasing {@code k}: the column's rows above its
     * block go to the outputs there, one fma each (those outputs' own columns came earlier), and output {@code k} is
     * the {@link #ownDot} of the rows stored in column {@code k} (its block and the blocks above). So every output is
     * its own column's dot product continued, in increasing {@code k}, by the later columns that store its row.
     */
    @Override
    public void symmetricMultiply(double[] a, int ao, int n, double[] x, int xo, int r, double[] out, int oo) {
        for (int k = 0; k < n; k++) {
            int h = SymmetricPacking.height(k, n);
            int whole = h & ~3;
            boolean quad = SymmetricPacking.inQuad(k, n);
            int start = ao + SymmetricPacking.start(k, n);
            // row j < whole at first + pitch·(j & ~3) + (j & 3), row whole + t at rest + t (SymmetricPacking)
            int first = quad ? start + 4 * (k & 3) : start;
            int pitch = quad ? 4 : 1;
            int rest = start + pitch * whole + (quad ? (k & 3) * (h - whole) : 0);
            int above = k & ~7;
            for (int c = 0; c < r; c++) {
                int xc = xo + c * n;
                int oc = oo + c * n;
                double xk = x[xc + k];
                for (int j = 0; j < above; j++) {
                    out[oc + j] = Math.fma(a[first + pitch * (j & ~3) + (j & 3)], xk, out[oc + j]);
                }
                out[oc + k] = ownDot(a, first, pitch, rest, x, xc, h);
            }
        }
    }

    /**
     * The dot product of a stored column (laid out as in {@link #symmetricMultiply}) of height {@code h} with
     * {@code x[xc..xc+h)}: four lanes, {@code s_t} summing the rows {@code 4v + t} in increasing {@code v}, combined
     * as {@code (s0+s1)+(s2+s3)}, then the last {@code h mod 4} rows in order.
     */
    private static double ownDot(double[] a, int first, int pitch, int rest, double[] x, int xc, int h) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int whole = h & ~3;
        for (int j = 0; j < whole; j += 4) {
            int e = first + pitch * j;
            s0 = Math.fma(a[e], x[xc + j], s0);
            s1 = Math.fma(a[e + 1], x[xc + j + 1], s1);
            s2 = Math.fma(a[e + 2], x[xc + j + 2], s2);
            s3 = Math.fma(a[e + 3], x[xc + j + 3], s3);
        }
        double s = (s0 + s1) + (s2 + s3);
        for (int j = whole; j < h; j++) {
            s = Math.fma(a[rest + j - whole], x[xc + j], s);
        }
        return s;
    }

    @Override
    public void weightedSum(double[] w, int from, int to, double[] blocks, int n, int lo, int hi, double[] out) {
        int i = from;
        for (; i + 3 < to; i += 4) {
            double w0 = w[i];
            double w1 = w[i + 1];
            double w2 = w[i + 2];
            double w3 = w[i + 3];
            int b0 = i * n;
            int b1 = b0 + n;
            int b2 = b1 + n;
            int b3 = b2 + n;
            for (int k = lo; k < hi; k++) {
                out[k] = Math.fma(blocks[b3 + k], w3, Math.fma(blocks[b2 + k], w2,
                        Math.fma(blocks[b1 + k], w1, Math.fma(blocks[b0 + k], w0, out[k]))));
            }
        }
        for (; i < to; i++) {
            axpy(w[i], blocks, i * n + lo, out, lo, hi - lo);
        }
    }

    @Override
    public void axpy(double a, double[] x, int xo, double[] y, int yo, int n) {
        for (int k = 0; k < n; k++) {
            y[yo + k] = Math.fma(x[xo + k], a, y[yo + k]);
        }
    }
}
