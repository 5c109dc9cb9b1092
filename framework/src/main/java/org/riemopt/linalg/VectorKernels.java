package org.riemopt.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The {@link KernelSet} on the Vector API ({@code jdk.incubator.vector}), bit-identical to {@link ScalarKernels}:
 * 256-bit vectors of four doubles, so that a dot product's eight lanes are two vectors and every axpy-like sum is the
 * scalar one lane by lane. Loaded reflectively by {@link Kernels} only when the module is in the boot layer; this
 * class must not be touched otherwise.
 */
final class VectorKernels implements KernelSet {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;
    private static final int L = 4;

    /** Whether the JIT implements 256-bit vectors natively (otherwise the Vector API boxes and is slow). */
    static boolean supported() {
        return DoubleVector.SPECIES_PREFERRED.vectorBitSize() >= 256;
    }

    @Override
    public double dot(double[] x, int xo, double[] y, int yo, int n) {
        DoubleVector lo = DoubleVector.zero(S);
        DoubleVector hi = DoubleVector.zero(S);
        int bound = n - (n & 7);
        int k = 0;
        for (; k < bound; k += 8) {
            lo = DoubleVector.fromArray(S, x, xo + k).fma(DoubleVector.fromArray(S, y, yo + k), lo);
            hi = DoubleVector.fromArray(S, x, xo + k + L).fma(DoubleVector.fromArray(S, y, yo + k + L), hi);
        }
        double s = combine(lo, hi);
        for (; k < n; k++) {
            s = Math.fma(x[xo + k], y[yo + k], s);
        }
        return s;
    }

    /** {@code ((s0+s4)+(s1+s5)) + ((s2+s6)+(s3+s7))} for the lanes {@code s0..s3} of lo and {@code s4..s7} of hi. */
    private static double combine(DoubleVector lo, DoubleVector hi) {
        DoubleVector t = lo.add(hi);
        return (t.lane(0) + t.lane(1)) + (t.lane(2) + t.lane(3));
    }

    @Override
    public void dotEach(double[] blocks, int n, int from, int to, double[] x, double[] out) {
        int bound = n - (n & 7);
        int i = from;
        for (; i + 3 < to; i += 4) {
            // four blocks per sweep of x: eight independent chains, enough to hide the latency of the fmas
            int b0 = i * n;
            int b1 = b0 + n;
            int b2 = b1 + n;
            int b3 = b2 + n;
            DoubleVector lo0 = DoubleVector.zero(S);
            DoubleVector hi0 = DoubleVector.zero(S);
            DoubleVector lo1 = DoubleVector.zero(S);
            DoubleVector hi1 = DoubleVector.zero(S);
            DoubleVector lo2 = DoubleVector.zero(S);
            DoubleVector hi2 = DoubleVector.zero(S);
            DoubleVector lo3 = DoubleVector.zero(S);
            DoubleVector hi3 = DoubleVector.zero(S);
            int k = 0;
            for (; k < bound; k += 8) {
                DoubleVector xl = DoubleVector.fromArray(S, x, k);
                DoubleVector xh = DoubleVector.fromArray(S, x, k + L);
                lo0 = DoubleVector.fromArray(S, blocks, b0 + k).fma(xl, lo0);
                hi0 = DoubleVector.fromArray(S, blocks, b0 + k + L).fma(xh, hi0);
                lo1 = DoubleVector.fromArray(S, blocks, b1 + k).fma(xl, lo1);
                hi1 = DoubleVector.fromArray(S, blocks, b1 + k + L).fma(xh, hi1);
                lo2 = DoubleVector.fromArray(S, blocks, b2 + k).fma(xl, lo2);
                hi2 = DoubleVector.fromArray(S, blocks, b2 + k + L).fma(xh, hi2);
                lo3 = DoubleVector.fromArray(S, blocks, b3 + k).fma(xl, lo3);
                hi3 = DoubleVector.fromArray(S, blocks, b3 + k + L).fma(xh, hi3);
            }
            double s0 = combine(lo0, hi0);
            double s1 = combine(lo1, hi1);
            double s2 = combine(lo2, hi2);
            double s3 = combine(lo3, hi3);
            for (; k < n; k++) {
                double xk = x[k];
                s0 = Math.fma(blocks[b0 + k], xk, s0);
                s1 = Math.fma(blocks[b1 + k], xk, s1);
                s2 = Math.fma(blocks[b2 + k], xk, s2);
                s3 = Math.fma(blocks[b3 + k], xk, s3);
            }
            out[i] = s0;
            out[i + 1] = s1;
            out[i + 2] = s2;
            out[i + 3] = s3;
        }
        for (; i < to; i++) {
            // the last one to three blocks of the range, one at a time
            out[i] = dot(blocks, i * n, x, 0, n);
        }
    }

    @Override
    public void multiply(double[] a, int ao, int rows, int cols, double[] f, int fo, int r, double[] out, int oo) {
        int vbound = S.loopBound(rows);
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
                DoubleVector v0 = DoubleVector.broadcast(S, x0);
                DoubleVector v1 = DoubleVector.broadcast(S, x1);
                DoubleVector v2 = DoubleVector.broadcast(S, x2);
                DoubleVector v3 = DoubleVector.broadcast(S, x3);
                int a0 = ao + k * rows;
                int a1 = a0 + rows;
                int a2 = a1 + rows;
                int a3 = a2 + rows;
                int j = 0;
                for (; j < vbound; j += L) {
                    DoubleVector s = DoubleVector.fromArray(S, out, o + j);
                    s = DoubleVector.fromArray(S, a, a0 + j).fma(v0, s);
                    s = DoubleVector.fromArray(S, a, a1 + j).fma(v1, s);
                    s = DoubleVector.fromArray(S, a, a2 + j).fma(v2, s);
                    s = DoubleVector.fromArray(S, a, a3 + j).fma(v3, s);
                    s.intoArray(out, o + j);
                }
                for (; j < rows; j++) {
                    out[o + j] = Math.fma(a[a3 + j], x3, Math.fma(a[a2 + j], x2,
                            Math.fma(a[a1 + j], x1, Math.fma(a[a0 + j], x0, out[o + j]))));
                }
            }
            for (; k < cols; k++) {
                axpy(f[fc + k], a, ao + k * rows, out, o, rows);
            }
        }
    }

    @Override
    public void transposeMultiply(double[] a, int ao, int rows, int cols, double[] u, int uo, int r, double[] out,
                                  int oo, int stride) {
        int c = 0;
        // three factor columns per sweep of each column of A (six chains; r = 4 goes as two pairs)
        for (; r - c >= 3 && r - c != 4; c += 3) {
            int k = 0;
            for (; k + 1 < cols; k += 2) {
                dot3x2(a, ao + k * rows, u, uo + c * rows, rows, out, oo + k + c * stride, stride);
            }
            if (k < cols) {
                dot3(a, ao + k * rows, u, uo + c * rows, rows, out, oo + k + c * stride, stride);
            }
        }
        for (; r - c >= 2; c += 2) {
            int k = 0;
            for (; k + 1 < cols; k += 2) {
                dot2x2(a, ao + k * rows, u, uo + c * rows, rows, out, oo + k + c * stride, stride);
            }
            if (k < cols) {
                dot2(a, ao + k * rows, u, uo + c * rows, uo + (c + 1) * rows, rows, out, oo + k + c * stride,
                        oo + k + (c + 1) * stride);
            }
        }
        if (c < r) {
            // one factor column: two columns of A per sweep of it
            int k = 0;
            for (; k + 1 < cols; k += 2) {
                dot2(u, uo + c * rows, a, ao + k * rows, ao + (k + 1) * rows, rows, out, oo + k + c * stride,
                        oo + k + 1 + c * stride);
            }
            if (k < cols) {
                out[oo + k + c * stride] = dot(a, ao + k * rows, u, uo + c * rows, rows);
            }
        }
    }

    /** {@code out[o1] = dot(x, xo, y, y1, n)} and {@code out[o2] = dot(x, xo, y, y2, n)} in one sweep of x. */
    private static void dot2(double[] x, int xo, double[] y, int y1, int y2, int n, double[] out, int o1, int o2) {
        int bound = n - (n & 7);
        DoubleVector lo0 = DoubleVector.zero(S);
        DoubleVector hi0 = DoubleVector.zero(S);
        DoubleVector lo1 = DoubleVector.zero(S);
        DoubleVector hi1 = DoubleVector.zero(S);
        int j = 0;
        for (; j < bound; j += 8) {
            DoubleVector xl = DoubleVector.fromArray(S, x, xo + j);
            DoubleVector xh = DoubleVector.fromArray(S, x, xo + j + L);
            lo0 = xl.fma(DoubleVector.fromArray(S, y, y1 + j), lo0);
            hi0 = xh.fma(DoubleVector.fromArray(S, y, y1 + j + L), hi0);
            lo1 = xl.fma(DoubleVector.fromArray(S, y, y2 + j), lo1);
            hi1 = xh.fma(DoubleVector.fromArray(S, y, y2 + j + L), hi1);
        }
        double s0 = combine(lo0, hi0);
        double s1 = combine(lo1, hi1);
        for (; j < n; j++) {
            s0 = Math.fma(x[xo + j], y[y1 + j], s0);
            s1 = Math.fma(x[xo + j], y[y2 + j], s1);
        }
        out[o1] = s0;
        out[o2] = s1;
    }

    /**
     * {@code out[o + i + c·stride] = dot(x, xo + i·n, y, yo + c·n, n)} for {@code i, c < 2}: two columns of x against
     * two of y in one sweep, eight independent chains.
     */
    private static void dot2x2(double[] x, int xo, double[] y, int yo, int n, double[] out, int o, int stride) {
        int bound = n - (n & 7);
        int xo1 = xo + n;
        int y1 = yo + n;
        DoubleVector a0 = DoubleVector.zero(S);
        DoubleVector b0 = DoubleVector.zero(S);
        DoubleVector a1 = DoubleVector.zero(S);
        DoubleVector b1 = DoubleVector.zero(S);
        DoubleVector c0 = DoubleVector.zero(S);
        DoubleVector d0 = DoubleVector.zero(S);
        DoubleVector c1 = DoubleVector.zero(S);
        DoubleVector d1 = DoubleVector.zero(S);
        int j = 0;
        for (; j < bound; j += 8) {
            DoubleVector xl = DoubleVector.fromArray(S, x, xo + j);
            DoubleVector xh = DoubleVector.fromArray(S, x, xo + j + L);
            DoubleVector zl = DoubleVector.fromArray(S, x, xo1 + j);
            DoubleVector zh = DoubleVector.fromArray(S, x, xo1 + j + L);
            DoubleVector yl = DoubleVector.fromArray(S, y, yo + j);
            DoubleVector yh = DoubleVector.fromArray(S, y, yo + j + L);
            a0 = xl.fma(yl, a0);
            b0 = xh.fma(yh, b0);
            c0 = zl.fma(yl, c0);
            d0 = zh.fma(yh, d0);
            yl = DoubleVector.fromArray(S, y, y1 + j);
            yh = DoubleVector.fromArray(S, y, y1 + j + L);
            a1 = xl.fma(yl, a1);
            b1 = xh.fma(yh, b1);
            c1 = zl.fma(yl, c1);
            d1 = zh.fma(yh, d1);
        }
        double s0 = combine(a0, b0);
        double s1 = combine(a1, b1);
        double t0 = combine(c0, d0);
        double t1 = combine(c1, d1);
        for (; j < n; j++) {
            double xj = x[xo + j];
            double zj = x[xo1 + j];
            s0 = Math.fma(xj, y[yo + j], s0);
            s1 = Math.fma(xj, y[y1 + j], s1);
            t0 = Math.fma(zj, y[yo + j], t0);
            t1 = Math.fma(zj, y[y1 + j], t1);
        }
        out[o] = s0;
        out[o + stride] = s1;
        out[o + 1] = t0;
        out[o + 1 + stride] = t1;
    }

    /**
     * {@link #dot3} for the columns {@code x[xo..]} and {@code x[xo + n..]} at once (outputs at {@code o} and
     * {@code o + 1}): each load of {@code y} serves two columns, twelve independent chains.
     */
    private static void dot3x2(double[] x, int xo, double[] y, int yo, int n, double[] out, int o, int stride) {
        int bound = n - (n & 7);
        int xo1 = xo + n;
        int y1 = yo + n;
        int y2 = y1 + n;
        DoubleVector a0 = DoubleVector.zero(S);
        DoubleVector b0 = DoubleVector.zero(S);
        DoubleVector a1 = DoubleVector.zero(S);
        DoubleVector b1 = DoubleVector.zero(S);
        DoubleVector a2 = DoubleVector.zero(S);
        DoubleVector b2 = DoubleVector.zero(S);
        DoubleVector c0 = DoubleVector.zero(S);
        DoubleVector d0 = DoubleVector.zero(S);
        DoubleVector c1 = DoubleVector.zero(S);
        DoubleVector d1 = DoubleVector.zero(S);
        DoubleVector c2 = DoubleVector.zero(S);
        DoubleVector d2 = DoubleVector.zero(S);
        int j = 0;
        for (; j < bound; j += 8) {
            DoubleVector xl = DoubleVector.fromArray(S, x, xo + j);
            DoubleVector xh = DoubleVector.fromArray(S, x, xo + j + L);
            DoubleVector zl = DoubleVector.fromArray(S, x, xo1 + j);
            DoubleVector zh = DoubleVector.fromArray(S, x, xo1 + j + L);
            DoubleVector yl = DoubleVector.fromArray(S, y, yo + j);
            DoubleVector yh = DoubleVector.fromArray(S, y, yo + j + L);
            a0 = xl.fma(yl, a0);
            b0 = xh.fma(yh, b0);
            c0 = zl.fma(yl, c0);
            d0 = zh.fma(yh, d0);
            yl = DoubleVector.fromArray(S, y, y1 + j);
            yh = DoubleVector.fromArray(S, y, y1 + j + L);
            a1 = xl.fma(yl, a1);
            b1 = xh.fma(yh, b1);
            c1 = zl.fma(yl, c1);
            d1 = zh.fma(yh, d1);
            yl = DoubleVector.fromArray(S, y, y2 + j);
            yh = DoubleVector.fromArray(S, y, y2 + j + L);
            a2 = xl.fma(yl, a2);
            b2 = xh.fma(yh, b2);
            c2 = zl.fma(yl, c2);
            d2 = zh.fma(yh, d2);
        }
        double s0 = combine(a0, b0);
        double s1 = combine(a1, b1);
        double s2 = combine(a2, b2);
        double t0 = combine(c0, d0);
        double t1 = combine(c1, d1);
        double t2 = combine(c2, d2);
        for (; j < n; j++) {
            double xj = x[xo + j];
            double zj = x[xo1 + j];
            s0 = Math.fma(xj, y[yo + j], s0);
            s1 = Math.fma(xj, y[y1 + j], s1);
            s2 = Math.fma(xj, y[y2 + j], s2);
            t0 = Math.fma(zj, y[yo + j], t0);
            t1 = Math.fma(zj, y[y1 + j], t1);
            t2 = Math.fma(zj, y[y2 + j], t2);
        }
        out[o] = s0;
        out[o + stride] = s1;
        out[o + 2 * stride] = s2;
        out[o + 1] = t0;
        out[o + 1 + stride] = t1;
        out[o + 1 + 2 * stride] = t2;
    }

    /** {@code out[o + c·stride] = dot(x, xo, y, yo + c·n, n)} for {@code c < 3}, in one sweep of x. */
    private static void dot3(double[] x, int xo, double[] y, int yo, int n, double[] out, int o, int stride) {
        int bound = n - (n & 7);
        int y1 = yo + n;
        int y2 = y1 + n;
        DoubleVector lo0 = DoubleVector.zero(S);
        DoubleVector hi0 = DoubleVector.zero(S);
        DoubleVector lo1 = DoubleVector.zero(S);
        DoubleVector hi1 = DoubleVector.zero(S);
        DoubleVector lo2 = DoubleVector.zero(S);
        DoubleVector hi2 = DoubleVector.zero(S);
        int j = 0;
        for (; j < bound; j += 8) {
            DoubleVector xl = DoubleVector.fromArray(S, x, xo + j);
            DoubleVector xh = DoubleVector.fromArray(S, x, xo + j + L);
            lo0 = xl.fma(DoubleVector.fromArray(S, y, yo + j), lo0);
            hi0 = xh.fma(DoubleVector.fromArray(S, y, yo + j + L), hi0);
            lo1 = xl.fma(DoubleVector.fromArray(S, y, y1 + j), lo1);
            hi1 = xh.fma(DoubleVector.fromArray(S, y, y1 + j + L), hi1);
            lo2 = xl.fma(DoubleVector.fromArray(S, y, y2 + j), lo2);
            hi2 = xh.fma(DoubleVector.fromArray(S, y, y2 + j + L), hi2);
        }
        double s0 = combine(lo0, hi0);
        double s1 = combine(lo1, hi1);
        double s2 = combine(lo2, hi2);
        for (; j < n; j++) {
            double xj = x[xo + j];
            s0 = Math.fma(xj, y[yo + j], s0);
            s1 = Math.fma(xj, y[y1 + j], s1);
            s2 = Math.fma(xj, y[y2 + j], s2);
        }
        out[o] = s0;
        out[o + stride] = s1;
        out[o + 2 * stride] = s2;
    }

    /**
     * Each stored number {@code A[j, k]} above {@code k}'s own block is term {@code j} of output {@code k}'s dot
     * product and term {@code k} of output {@code j}'s; columns go in order, so both chains get their terms in the
     * order of the full column's dot product. Output {@code k}'s lane sums over its stored column (rows up to the end
     * of its block: every term from rows in or above its block) run in registers, then are parked in
     * {@code lanes[(c·8 + l)·n + k]}, where every later column {@code k'} continues lane {@code k' mod 8} of the
     * outputs of earlier blocks by an axpy in the same sweep. After the last full group of eight columns the parked
     * lanes are combined, four outputs per vector, and the last {@code n mod 8} columns (stored whole) add their
     * terms to the combined sums in order and take their own full dot products.
     */
    @Override
    public void symmetricMultiply(double[] a, int ao, int n, double[] x, int xo, int r, double[] out, int oo,
                                  double[] lanes) {
        int bound = n - (n & 7);
        for (int k = 0; k < bound; k++) {
            int col = ao + SymmetricPacking.column(k, n);
            int g = k & ~7;
            for (int c = 0; c < r; c++) {
                int xc = xo + c * n;
                int parked = c * 8 * n;
                int lane = parked + (k & 7) * n;
                DoubleVector xk = DoubleVector.broadcast(S, x[xc + k]);
                DoubleVector lo = DoubleVector.zero(S);
                DoubleVector hi = DoubleVector.zero(S);
                for (int j = 0; j < g; j += 8) {
                    DoubleVector a0 = DoubleVector.fromArray(S, a, col + j);
                    DoubleVector a1 = DoubleVector.fromArray(S, a, col + j + L);
                    lo = a0.fma(DoubleVector.fromArray(S, x, xc + j), lo);
                    hi = a1.fma(DoubleVector.fromArray(S, x, xc + j + L), hi);
                    a0.fma(xk, DoubleVector.fromArray(S, lanes, lane + j)).intoArray(lanes, lane + j);
                    a1.fma(xk, DoubleVector.fromArray(S, lanes, lane + j + L)).intoArray(lanes, lane + j + L);
                }
                // the column's own block: its terms only
                lo = DoubleVector.fromArray(S, a, col + g).fma(DoubleVector.fromArray(S, x, xc + g), lo);
                hi = DoubleVector.fromArray(S, a, col + g + L).fma(DoubleVector.fromArray(S, x, xc + g + L), hi);
                int own = parked + k;
                lanes[own] = lo.lane(0);
                lanes[own + n] = lo.lane(1);
                lanes[own + 2 * n] = lo.lane(2);
                lanes[own + 3 * n] = lo.lane(3);
                lanes[own + 4 * n] = hi.lane(0);
                lanes[own + 5 * n] = hi.lane(1);
                lanes[own + 6 * n] = hi.lane(2);
                lanes[own + 7 * n] = hi.lane(3);
            }
        }
        for (int c = 0; c < r; c++) {
            // combine(lo, hi) of each output, four outputs per vector: ((s0+s4)+(s1+s5)) + ((s2+s6)+(s3+s7))
            int p = c * 8 * n;
            for (int j = 0; j < bound; j += L) {
                DoubleVector t0 = DoubleVector.fromArray(S, lanes, p + j)
                        .add(DoubleVector.fromArray(S, lanes, p + 4 * n + j));
                DoubleVector t1 = DoubleVector.fromArray(S, lanes, p + n + j)
                        .add(DoubleVector.fromArray(S, lanes, p + 5 * n + j));
                DoubleVector t2 = DoubleVector.fromArray(S, lanes, p + 2 * n + j)
                        .add(DoubleVector.fromArray(S, lanes, p + 6 * n + j));
                DoubleVector t3 = DoubleVector.fromArray(S, lanes, p + 3 * n + j)
                        .add(DoubleVector.fromArray(S, lanes, p + 7 * n + j));
                t0.add(t1).add(t2.add(t3)).intoArray(out, oo + c * n + j);
            }
        }
        for (int k = bound; k < n; k++) {
            // the last n mod 8 columns, stored whole: tail terms of the outputs of full groups, then their own sums
            int col = ao + SymmetricPacking.column(k, n);
            for (int c = 0; c < r; c++) {
                axpy(x[xo + k + c * n], a, col, out, oo + c * n, bound);
                out[oo + k + c * n] = dot(a, col, x, xo + c * n, n);
            }
        }
    }

    @Override
    public void weightedSum(double[] w, int from, int to, double[] blocks, int n, int lo, int hi, double[] out) {
        int vhi = lo + S.loopBound(hi - lo);
        int i = from;
        // eight blocks per sweep where there are eight (half the loads and stores of out), then four; each entry
        // is the same fused chain over the blocks in order either way
        for (; i + 7 < to; i += 8) {
            DoubleVector v0 = DoubleVector.broadcast(S, w[i]);
            DoubleVector v1 = DoubleVector.broadcast(S, w[i + 1]);
            DoubleVector v2 = DoubleVector.broadcast(S, w[i + 2]);
            DoubleVector v3 = DoubleVector.broadcast(S, w[i + 3]);
            DoubleVector v4 = DoubleVector.broadcast(S, w[i + 4]);
            DoubleVector v5 = DoubleVector.broadcast(S, w[i + 5]);
            DoubleVector v6 = DoubleVector.broadcast(S, w[i + 6]);
            DoubleVector v7 = DoubleVector.broadcast(S, w[i + 7]);
            int b0 = i * n;
            int k = lo;
            for (; k < vhi; k += L) {
                DoubleVector s = DoubleVector.fromArray(S, out, k);
                s = DoubleVector.fromArray(S, blocks, b0 + k).fma(v0, s);
                s = DoubleVector.fromArray(S, blocks, b0 + n + k).fma(v1, s);
                s = DoubleVector.fromArray(S, blocks, b0 + 2 * n + k).fma(v2, s);
                s = DoubleVector.fromArray(S, blocks, b0 + 3 * n + k).fma(v3, s);
                s = DoubleVector.fromArray(S, blocks, b0 + 4 * n + k).fma(v4, s);
                s = DoubleVector.fromArray(S, blocks, b0 + 5 * n + k).fma(v5, s);
                s = DoubleVector.fromArray(S, blocks, b0 + 6 * n + k).fma(v6, s);
                s = DoubleVector.fromArray(S, blocks, b0 + 7 * n + k).fma(v7, s);
                s.intoArray(out, k);
            }
            for (; k < hi; k++) {
                double e = out[k];
                for (int t = 0; t < 8; t++) {
                    e = Math.fma(blocks[b0 + t * n + k], w[i + t], e);
                }
                out[k] = e;
            }
        }
        for (; i + 3 < to; i += 4) {
            double w0 = w[i];
            double w1 = w[i + 1];
            double w2 = w[i + 2];
            double w3 = w[i + 3];
            DoubleVector v0 = DoubleVector.broadcast(S, w0);
            DoubleVector v1 = DoubleVector.broadcast(S, w1);
            DoubleVector v2 = DoubleVector.broadcast(S, w2);
            DoubleVector v3 = DoubleVector.broadcast(S, w3);
            int b0 = i * n;
            int b1 = b0 + n;
            int b2 = b1 + n;
            int b3 = b2 + n;
            int k = lo;
            for (; k < vhi; k += L) {
                DoubleVector s = DoubleVector.fromArray(S, out, k);
                s = DoubleVector.fromArray(S, blocks, b0 + k).fma(v0, s);
                s = DoubleVector.fromArray(S, blocks, b1 + k).fma(v1, s);
                s = DoubleVector.fromArray(S, blocks, b2 + k).fma(v2, s);
                s = DoubleVector.fromArray(S, blocks, b3 + k).fma(v3, s);
                s.intoArray(out, k);
            }
            for (; k < hi; k++) {
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
        DoubleVector av = DoubleVector.broadcast(S, a);
        int bound = S.loopBound(n);
        int k = 0;
        for (; k < bound; k += L) {
            DoubleVector.fromArray(S, x, xo + k).fma(av, DoubleVector.fromArray(S, y, yo + k)).intoArray(y, yo + k);
        }
        for (; k < n; k++) {
            y[yo + k] = Math.fma(x[xo + k], a, y[yo + k]);
        }
    }
}
