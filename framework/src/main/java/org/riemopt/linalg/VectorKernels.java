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
    /** Rows per register tile of {@link #multiply} for three factor columns and for two: three and five vectors. */
    private static final int TRIPLE_TILE = 3 * L;
    private static final int PAIR_TILE = 5 * L;
    /** Rows per tile of {@link #multiplyUnfused}: four vectors, one factor column. */
    private static final int UNFUSED_TILE = 4 * L;

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

    /**
     * Register tiles: a tile is twelve rows times three factor columns or twenty rows times two, whose nine or ten sums
     * stay in local vector variables over the whole chain; per column {@code k} of {@code A} it loads the tile's part
     * of the column once and takes each {@code F[k, c]} as a broadcast, so a load of {@code A} serves three or two
     * fused multiply-adds and the output is stored once (the previous form loaded and stored the output every four
     * columns and re-read {@code A} for every factor column). The sums, the broadcasts and a load or two of {@code A}
     * fit AVX2's sixteen registers (the same speed under {@code -XX:UseAVX=2}); a taller three-column tile did not.
     * Factor columns go in threes, with {@code r = 4} as two pairs, and {@code r = 1} runs the pair tile on column 0
     * twice (loads, not multiply-adds, set its time; the second copy of each entry overwrites the first with the same
     * bits). Tiles cover the rows from the top, the last one ending at the last row (it overlaps the one before it and
     * recomputes those entries with the same bits), so there is no row tail; blocks shorter than a tile take one
     * vector, then one row, at a time.
     */
    @Override
    public void multiply(double[] a, int ao, int rows, int cols, double[] f, int fo, int r, double[] out, int oo) {
        int c = 0;
        for (; rows >= TRIPLE_TILE && r - c >= 3 && r - c != 4; c += 3) {
            for (int j = 0; j < rows; j += TRIPLE_TILE) {
                int t = Math.min(j, rows - TRIPLE_TILE);
                multiply3x3(a, ao + t, rows, cols, f, fo + c * cols, out, oo + c * rows + t);
            }
        }
        for (; rows >= PAIR_TILE && c < r; c += 2) {
            int second = Math.min(c + 1, r - 1);
            for (int j = 0; j < rows; j += PAIR_TILE) {
                int t = Math.min(j, rows - PAIR_TILE);
                multiply5x2(a, ao + t, rows, cols, f, fo + c * cols, fo + second * cols, out, oo + c * rows + t,
                        oo + second * rows + t);
            }
        }
        for (; c < r; c++) {
            multiplyNarrow(a, ao, rows, cols, f, fo + c * cols, out, oo + c * rows);
        }
    }

    /**
     * {@code out[o + j + c·rows] = Σ_k A[j, k]·F[k, c]} for the twelve rows {@code j} from {@code col} (the tile's
     * first row in column 0 of {@code A}) and the factor columns {@code c < 3} from {@code f0}.
     */
    private static void multiply3x3(double[] a, int col, int rows, int cols, double[] f, int f0, double[] out, int o) {
        int f1 = f0 + cols;
        int f2 = f1 + cols;
        DoubleVector p0 = DoubleVector.zero(S);
        DoubleVector p1 = p0;
        DoubleVector p2 = p0;
        DoubleVector q0 = p0;
        DoubleVector q1 = p0;
        DoubleVector q2 = p0;
        DoubleVector s0 = p0;
        DoubleVector s1 = p0;
        DoubleVector s2 = p0;
        for (int k = 0; k < cols; k++, col += rows) {
            DoubleVector x = DoubleVector.broadcast(S, f[f0 + k]);
            DoubleVector y = DoubleVector.broadcast(S, f[f1 + k]);
            DoubleVector z = DoubleVector.broadcast(S, f[f2 + k]);
            DoubleVector a0 = DoubleVector.fromArray(S, a, col);
            p0 = a0.fma(x, p0);
            q0 = a0.fma(y, q0);
            s0 = a0.fma(z, s0);
            DoubleVector a1 = DoubleVector.fromArray(S, a, col + L);
            p1 = a1.fma(x, p1);
            q1 = a1.fma(y, q1);
            s1 = a1.fma(z, s1);
            DoubleVector a2 = DoubleVector.fromArray(S, a, col + 2 * L);
            p2 = a2.fma(x, p2);
            q2 = a2.fma(y, q2);
            s2 = a2.fma(z, s2);
        }
        store3(p0, p1, p2, out, o);
        store3(q0, q1, q2, out, o + rows);
        store3(s0, s1, s2, out, o + 2 * rows);
    }

    /**
     * {@link #multiply3x3} for twenty rows and the factor columns at {@code f0} and {@code f1}, written at {@code o0}
     * and {@code o1}.
     */
    private static void multiply5x2(double[] a, int col, int rows, int cols, double[] f, int f0, int f1,
                                    double[] out, int o0, int o1) {
        DoubleVector p0 = DoubleVector.zero(S);
        DoubleVector p1 = p0;
        DoubleVector p2 = p0;
        DoubleVector p3 = p0;
        DoubleVector p4 = p0;
        DoubleVector q0 = p0;
        DoubleVector q1 = p0;
        DoubleVector q2 = p0;
        DoubleVector q3 = p0;
        DoubleVector q4 = p0;
        for (int k = 0; k < cols; k++, col += rows) {
            DoubleVector x = DoubleVector.broadcast(S, f[f0 + k]);
            DoubleVector y = DoubleVector.broadcast(S, f[f1 + k]);
            DoubleVector a0 = DoubleVector.fromArray(S, a, col);
            p0 = a0.fma(x, p0);
            q0 = a0.fma(y, q0);
            DoubleVector a1 = DoubleVector.fromArray(S, a, col + L);
            p1 = a1.fma(x, p1);
            q1 = a1.fma(y, q1);
            DoubleVector a2 = DoubleVector.fromArray(S, a, col + 2 * L);
            p2 = a2.fma(x, p2);
            q2 = a2.fma(y, q2);
            DoubleVector a3 = DoubleVector.fromArray(S, a, col + 3 * L);
            p3 = a3.fma(x, p3);
            q3 = a3.fma(y, q3);
            DoubleVector a4 = DoubleVector.fromArray(S, a, col + 4 * L);
            p4 = a4.fma(x, p4);
            q4 = a4.fma(y, q4);
        }
        store3(p0, p1, p2, out, o0);
        store3(q0, q1, q2, out, o1);
        p3.intoArray(out, o0 + 3 * L);
        p4.intoArray(out, o0 + 4 * L);
        q3.intoArray(out, o1 + 3 * L);
        q4.intoArray(out, o1 + 4 * L);
    }

    /**
     * Tiles of sixteen rows of one factor column, the four sums in registers over all columns of {@code A} (a
     * multiply and an add for each, as {@link ScalarKernels#multiplyUnfused} rounds them); the last tile ends at the
     * last row, overlapping the one before it (those entries are recomputed with the same bits), and blocks shorter
     * than a tile go one vector, then one row, at a time.
     */
    @Override
    public void multiplyUnfused(double[] a, int ao, int rows, int cols, double[] f, int fo, int r, double[] out,
                                int oo) {
        for (int c = 0; c < r; c++) {
            int fc = fo + c * cols;
            int o = oo + c * rows;
            int j = 0;
            if (rows >= UNFUSED_TILE) {
                for (; j < rows; j += UNFUSED_TILE) {
                    int t = Math.min(j, rows - UNFUSED_TILE);
                    multiplyUnfused4(a, ao + t, rows, cols, f, fc, out, o + t);
                }
                continue;
            }
            for (; j + L <= rows; j += L) {
                DoubleVector s = DoubleVector.zero(S);
                for (int k = 0, col = ao + j; k < cols; k++, col += rows) {
                    s = s.add(DoubleVector.fromArray(S, a, col).mul(f[fc + k]));
                }
                s.intoArray(out, o + j);
            }
            for (; j < rows; j++) {
                double s = 0;
                for (int k = 0, col = ao + j; k < cols; k++, col += rows) {
                    s += a[col] * f[fc + k];
                }
                out[o + j] = s;
            }
        }
    }

    /** {@link #multiplyUnfused} for the sixteen rows from {@code col} and the factor column at {@code fc}. */
    private static void multiplyUnfused4(double[] a, int col, int rows, int cols, double[] f, int fc, double[] out,
                                         int o) {
        DoubleVector s0 = DoubleVector.zero(S);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        for (int k = 0; k < cols; k++, col += rows) {
            DoubleVector x = DoubleVector.broadcast(S, f[fc + k]);
            s0 = s0.add(DoubleVector.fromArray(S, a, col).mul(x));
            s1 = s1.add(DoubleVector.fromArray(S, a, col + L).mul(x));
            s2 = s2.add(DoubleVector.fromArray(S, a, col + 2 * L).mul(x));
            s3 = s3.add(DoubleVector.fromArray(S, a, col + 3 * L).mul(x));
        }
        s0.intoArray(out, o);
        s1.intoArray(out, o + L);
        s2.intoArray(out, o + 2 * L);
        s3.intoArray(out, o + 3 * L);
    }

    /** Three consecutive vectors into {@code out} from {@code o}. */
    private static void store3(DoubleVector v0, DoubleVector v1, DoubleVector v2, double[] out, int o) {
        v0.intoArray(out, o);
        v1.intoArray(out, o + L);
        v2.intoArray(out, o + 2 * L);
    }

    /** One factor column of a block shorter than its tile: a vector of rows, then a row, at a time. */
    private static void multiplyNarrow(double[] a, int ao, int rows, int cols, double[] f, int fc, double[] out,
                                       int o) {
        int vbound = S.loopBound(rows);
        int j = 0;
        for (; j < vbound; j += L) {
            DoubleVector s = DoubleVector.zero(S);
            for (int k = 0, col = ao + j; k < cols; k++, col += rows) {
                s = DoubleVector.fromArray(S, a, col).fma(DoubleVector.broadcast(S, f[fc + k]), s);
            }
            s.intoArray(out, o + j);
        }
        for (; j < rows; j++) {
            double s = 0;
            for (int k = 0, col = ao + j; k < cols; k++, col += rows) {
                s = Math.fma(a[col], f[fc + k], s);
            }
            out[o + j] = s;
        }
    }

    /**
     * Dot products in tiles of two columns by three, each load shared by two or three chains: two columns of
     * {@code A} by three factor columns, or three columns of {@code A} by a pair of factor columns (pairs used to take
     * two by two), with {@code r = 4} as two pairs. Twelve sums of two vectors each fit AVX2's sixteen registers;
     * four columns of {@code A} by two factor columns were no faster here.
     */
    @Override
    public void transposeMultiply(double[] a, int ao, int rows, int cols, double[] u, int uo, int r, double[] out,
                                  int oo, int stride) {
        int c = 0;
        // two columns of A per sweep of three factor columns (twelve chains; r = 4 goes as two pairs)
        for (; r - c >= 3 && r - c != 4; c += 3) {
            int k = 0;
            for (; k + 1 < cols; k += 2) {
                dot3x2(a, ao + k * rows, u, uo + c * rows, rows, out, oo + k + c * stride, 1, stride);
            }
            if (k < cols) {
                dot3(a, ao + k * rows, u, uo + c * rows, rows, out, oo + k + c * stride, stride);
            }
        }
        for (; r - c >= 2; c += 2) {
            // three columns of A per sweep of the two factor columns (twelve chains), then one at a time
            int k = 0;
            for (; k + 2 < cols; k += 3) {
                dot3x2(u, uo + c * rows, a, ao + k * rows, rows, out, oo + k + c * stride, stride, 1);
            }
            for (; k < cols; k++) {
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
     * {@code out[o + i·xStep + c·yStep] = dot(x, xo + i·n, y, yo + c·n, n)} for {@code i < 2, c < 3}: two columns of x
     * against three of y in one sweep, each load of y serving two columns, twelve independent chains. A dot product
     * has the same bits either way round, so the roles of x and y are free.
     */
    private static void dot3x2(double[] x, int xo, double[] y, int yo, int n, double[] out, int o, int xStep,
                               int yStep) {
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
        out[o + yStep] = s1;
        out[o + 2 * yStep] = s2;
        out[o + xStep] = t0;
        out[o + xStep + yStep] = t1;
        out[o + xStep + 2 * yStep] = t2;
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
     * {@link ScalarKernels#symmetricMultiply}'s order, a quad of stored columns at a time ({@link SymmetricPacking}):
     * one forward sweep of the quad's rows serves both parts of the product. Each vector of a column is a term of the
     * column's own dot product (lane sums in registers) and an fma into the outputs above its block, which are loaded
     * and stored once per quad. So the operator is read from memory once, as one stream; with two factor columns per
     * sweep every load of it feeds four fmas, and the eight dot-product chains and two output chains hide the fmas'
     * latency (an odd {@code r}'s last factor column sweeps the quad again, from L1, with two fmas per load). The last
     * {@code n mod 4} columns (stored whole) go one by one.
     */
    @Override
    public void symmetricMultiply(double[] a, int ao, int n, double[] x, int xo, int r, double[] out, int oo) {
        int k = 0;
        for (; SymmetricPacking.inQuad(k, n); k += 4) {
            int quad = ao + SymmetricPacking.start(k, n);
            int height = SymmetricPacking.height(k, n);
            int c = 0;
            for (; c + 1 < r; c += 2) {
                quadTwice(a, quad, height, k, x, xo + c * n, xo + (c + 1) * n, out, oo + c * n, oo + (c + 1) * n);
            }
            if (c < r) {
                // an odd r's last factor column alone
                quad(a, quad, height, k, x, xo + c * n, out, oo + c * n);
            }
        }
        for (; k < n; k++) {
            int col = ao + SymmetricPacking.start(k, n);
            for (int c = 0; c < r; c++) {
                column(a, col, n, k, x, xo + c * n, out, oo + c * n);
            }
        }
    }

    /**
     * The quad of columns {@code k..k+3} stored at {@code q}, each {@code h} rows, against the factor columns at
     * {@code x0} and {@code x1}, whose outputs are at {@code o0} and {@code o1}. Each output's fmas over the quad's
     * columns are one nested chain, which C2 schedules without spilling the sixteen vectors kept in registers.
     */
    private static void quadTwice(double[] a, int q, int h, int k, double[] x, int x0, int x1, double[] out,
                                  int o0, int o1) {
        int above = k & ~7;
        int whole = h & ~3;
        DoubleVector b00 = DoubleVector.broadcast(S, x[x0 + k]);
        DoubleVector b10 = DoubleVector.broadcast(S, x[x0 + k + 1]);
        DoubleVector b20 = DoubleVector.broadcast(S, x[x0 + k + 2]);
        DoubleVector b30 = DoubleVector.broadcast(S, x[x0 + k + 3]);
        DoubleVector b01 = DoubleVector.broadcast(S, x[x1 + k]);
        DoubleVector b11 = DoubleVector.broadcast(S, x[x1 + k + 1]);
        DoubleVector b21 = DoubleVector.broadcast(S, x[x1 + k + 2]);
        DoubleVector b31 = DoubleVector.broadcast(S, x[x1 + k + 3]);
        DoubleVector d00 = DoubleVector.zero(S);
        DoubleVector d10 = d00;
        DoubleVector d20 = d00;
        DoubleVector d30 = d00;
        DoubleVector d01 = d00;
        DoubleVector d11 = d00;
        DoubleVector d21 = d00;
        DoubleVector d31 = d00;
        int j = 0;
        for (; j < above; j += L) {
            int p = q + 4 * j;
            DoubleVector u = DoubleVector.fromArray(S, x, x0 + j);
            DoubleVector v = DoubleVector.fromArray(S, x, x1 + j);
            DoubleVector e0 = DoubleVector.fromArray(S, a, p);
            DoubleVector e1 = DoubleVector.fromArray(S, a, p + L);
            DoubleVector e2 = DoubleVector.fromArray(S, a, p + 2 * L);
            DoubleVector e3 = DoubleVector.fromArray(S, a, p + 3 * L);
            e3.fma(b30, e2.fma(b20, e1.fma(b10, e0.fma(b00, DoubleVector.fromArray(S, out, o0 + j)))))
                    .intoArray(out, o0 + j);
            e3.fma(b31, e2.fma(b21, e1.fma(b11, e0.fma(b01, DoubleVector.fromArray(S, out, o1 + j)))))
                    .intoArray(out, o1 + j);
            d00 = e0.fma(u, d00);
            d10 = e1.fma(u, d10);
            d20 = e2.fma(u, d20);
            d30 = e3.fma(u, d30);
            d01 = e0.fma(v, d01);
            d11 = e1.fma(v, d11);
            d21 = e2.fma(v, d21);
            d31 = e3.fma(v, d31);
        }
        for (; j < whole; j += L) {
            // the quad's own block (and, in the last columns, the rows down to a multiple of four): dot terms only
            int p = q + 4 * j;
            DoubleVector u = DoubleVector.fromArray(S, x, x0 + j);
            DoubleVector v = DoubleVector.fromArray(S, x, x1 + j);
            DoubleVector e0 = DoubleVector.fromArray(S, a, p);
            DoubleVector e1 = DoubleVector.fromArray(S, a, p + L);
            DoubleVector e2 = DoubleVector.fromArray(S, a, p + 2 * L);
            DoubleVector e3 = DoubleVector.fromArray(S, a, p + 3 * L);
            d00 = e0.fma(u, d00);
            d10 = e1.fma(u, d10);
            d20 = e2.fma(u, d20);
            d30 = e3.fma(u, d30);
            d01 = e0.fma(v, d01);
            d11 = e1.fma(v, d11);
            d21 = e2.fma(v, d21);
            d31 = e3.fma(v, d31);
        }
        int rest = q + 4 * whole;
        int tail = h - whole;
        out[o0 + k] = (d00.lane(0) + d00.lane(1)) + (d00.lane(2) + d00.lane(3));
        out[o0 + k + 1] = (d10.lane(0) + d10.lane(1)) + (d10.lane(2) + d10.lane(3));
        out[o0 + k + 2] = (d20.lane(0) + d20.lane(1)) + (d20.lane(2) + d20.lane(3));
        out[o0 + k + 3] = (d30.lane(0) + d30.lane(1)) + (d30.lane(2) + d30.lane(3));
        out[o1 + k] = (d01.lane(0) + d01.lane(1)) + (d01.lane(2) + d01.lane(3));
        out[o1 + k + 1] = (d11.lane(0) + d11.lane(1)) + (d11.lane(2) + d11.lane(3));
        out[o1 + k + 2] = (d21.lane(0) + d21.lane(1)) + (d21.lane(2) + d21.lane(3));
        out[o1 + k + 3] = (d31.lane(0) + d31.lane(1)) + (d31.lane(2) + d31.lane(3));
        if (tail > 0) {
            rows(out, o0 + k, 4, a, rest, tail, x, x0 + whole);
            rows(out, o1 + k, 4, a, rest, tail, x, x1 + whole);
        }
    }

    /** {@link #quadTwice} for the one factor column at {@code xc}. */
    private static void quad(double[] a, int q, int h, int k, double[] x, int xc, double[] out, int oc) {
        int above = k & ~7;
        int whole = h & ~3;
        DoubleVector b0 = DoubleVector.broadcast(S, x[xc + k]);
        DoubleVector b1 = DoubleVector.broadcast(S, x[xc + k + 1]);
        DoubleVector b2 = DoubleVector.broadcast(S, x[xc + k + 2]);
        DoubleVector b3 = DoubleVector.broadcast(S, x[xc + k + 3]);
        DoubleVector d0 = DoubleVector.zero(S);
        DoubleVector d1 = d0;
        DoubleVector d2 = d0;
        DoubleVector d3 = d0;
        int j = 0;
        for (; j < above; j += L) {
            int p = q + 4 * j;
            DoubleVector u = DoubleVector.fromArray(S, x, xc + j);
            DoubleVector e0 = DoubleVector.fromArray(S, a, p);
            DoubleVector e1 = DoubleVector.fromArray(S, a, p + L);
            DoubleVector e2 = DoubleVector.fromArray(S, a, p + 2 * L);
            DoubleVector e3 = DoubleVector.fromArray(S, a, p + 3 * L);
            e3.fma(b3, e2.fma(b2, e1.fma(b1, e0.fma(b0, DoubleVector.fromArray(S, out, oc + j)))))
                    .intoArray(out, oc + j);
            d0 = e0.fma(u, d0);
            d1 = e1.fma(u, d1);
            d2 = e2.fma(u, d2);
            d3 = e3.fma(u, d3);
        }
        for (; j < whole; j += L) {
            int p = q + 4 * j;
            DoubleVector u = DoubleVector.fromArray(S, x, xc + j);
            d0 = DoubleVector.fromArray(S, a, p).fma(u, d0);
            d1 = DoubleVector.fromArray(S, a, p + L).fma(u, d1);
            d2 = DoubleVector.fromArray(S, a, p + 2 * L).fma(u, d2);
            d3 = DoubleVector.fromArray(S, a, p + 3 * L).fma(u, d3);
        }
        int rest = q + 4 * whole;
        int tail = h - whole;
        out[oc + k] = (d0.lane(0) + d0.lane(1)) + (d0.lane(2) + d0.lane(3));
        out[oc + k + 1] = (d1.lane(0) + d1.lane(1)) + (d1.lane(2) + d1.lane(3));
        out[oc + k + 2] = (d2.lane(0) + d2.lane(1)) + (d2.lane(2) + d2.lane(3));
        out[oc + k + 3] = (d3.lane(0) + d3.lane(1)) + (d3.lane(2) + d3.lane(3));
        if (tail > 0) {
            rows(out, oc + k, 4, a, rest, tail, x, xc + whole);
        }
    }

    /** {@link #quad} for the one column {@code k} stored whole at {@code col} (one of the last {@code n mod 4}). */
    private static void column(double[] a, int col, int h, int k, double[] x, int xc, double[] out, int oc) {
        int above = k & ~7;
        int whole = h & ~3;
        DoubleVector b = DoubleVector.broadcast(S, x[xc + k]);
        DoubleVector d = DoubleVector.zero(S);
        int j = 0;
        for (; j < above; j += L) {
            DoubleVector e = DoubleVector.fromArray(S, a, col + j);
            e.fma(b, DoubleVector.fromArray(S, out, oc + j)).intoArray(out, oc + j);
            d = e.fma(DoubleVector.fromArray(S, x, xc + j), d);
        }
        for (; j < whole; j += L) {
            d = DoubleVector.fromArray(S, a, col + j).fma(DoubleVector.fromArray(S, x, xc + j), d);
        }
        out[oc + k] = (d.lane(0) + d.lane(1)) + (d.lane(2) + d.lane(3));
        rows(out, oc + k, 1, a, col + whole, h - whole, x, xc + whole);
    }

    /**
     * The last {@code count} rows (fewer than four, past a multiple of four) of {@code columns} stored columns, each
     * stored after the one before from {@code rest}, continuing their outputs {@code out[o..o+columns)} (their lane
     * sums, combined by the caller: a vector handed to a method C2 does not inline is boxed on the heap).
     */
    private static void rows(double[] out, int o, int columns, double[] a, int rest, int count, double[] x, int xr) {
        for (int c = 0; c < columns; c++) {
            double s = out[o + c];
            for (int t = 0; t < count; t++) {
                s = Math.fma(a[rest + c * count + t], x[xr + t], s);
            }
            out[o + c] = s;
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
