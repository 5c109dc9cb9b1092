package org.riemopt.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntPredicate;

import org.junit.jupiter.api.Test;

class KernelsTest {

    @Test
    void dot2IsBitIdenticalToTwoDots() {
        Random random = new Random(3);
        for (int n : new int[] {1, 3, 4, 7, 100, 101}) {
            double[] x = random.doubles(n + 2).toArray();
            double[] y = random.doubles(2 * n + 5).toArray();
            double[] out = new double[4];
            Kernels.dot2(x, 1, y, 2, n + 3, n, out, 0, 3);
            assertEquals(Kernels.dot(x, 1, y, 2, n), out[0], 0.0, "first, n = " + n);
            assertEquals(Kernels.dot(x, 1, y, n + 3, n), out[3], 0.0, "second, n = " + n);
        }
    }

    @Test
    void dotEachIsBitIdenticalToOneDotPerBlock() {
        Random random = new Random(4);
        for (int blocks : new int[] {1, 2, 5}) {
            double[] b = random.doubles(blocks * 19L).toArray();
            double[] x = random.doubles(19).toArray();
            double[] out = new double[blocks];
            Kernels.dotEach(b, 19, 0, blocks, x, out);
            for (int i = 0; i < blocks; i++) {
                assertEquals(Kernels.fusedDot(b, i * 19, x, 0, 19), out[i], 0.0);
            }
        }
    }

    @Test
    void fusedKernelsMatchTheirDefinitions() {
        Random random = new Random(6);
        int rows = 13;
        int cols = 7;
        int r = 3;
        double[] a = random.doubles(rows * cols + 2).toArray();
        double[] f = random.doubles(cols * r + 1).toArray();
        double[] u = random.doubles(rows * r).toArray();
        double[] out = new double[rows * r + 1];
        Kernels.multiply(a, 2, rows, cols, f, 1, r, out, 1);
        double[] outT = new double[cols * r];
        Kernels.transposeMultiply(a, 2, rows, cols, u, 0, r, outT, 0, cols);
        for (int c = 0; c < r; c++) {
            for (int j = 0; j < rows; j++) {
                double expected = 0;
                for (int k = 0; k < cols; k++) {
                    expected += a[2 + j + k * rows] * f[1 + k + c * cols];
                }
                assertEquals(expected, out[1 + j + c * rows], 1e-13);
            }
            for (int k = 0; k < cols; k++) {
                double expected = 0;
                for (int j = 0; j < rows; j++) {
                    expected += a[2 + j + k * rows] * u[j + c * rows];
                }
                assertEquals(expected, outT[k + c * cols], 1e-13);
            }
        }
        double[] w = random.doubles(6).toArray();
        double[] blocks = random.doubles(6 * 11).toArray();
        double[] sum = new double[11];
        Kernels.weightedSum(w, 0, 6, blocks, 11, 2, 9, sum);
        for (int k = 0; k < 11; k++) {
            double expected = 0;
            for (int i = 0; k >= 2 && k < 9 && i < 6; i++) {
                expected += w[i] * blocks[i * 11 + k];
            }
            assertEquals(expected, sum[k], 1e-14);
        }
    }

    /**
     * The Vector API kernels (the tests run with the module) and the scalar ones give the same bits on every length,
     * including the tails that are not a multiple of the vector width and the heights around the unfused product's
     * sixteen-row tiles; the unfused product also has the bits of one {@link Kernels#axpy} per column.
     */
    @Test
    void vectorKernelsAreBitIdenticalToScalarOnes() {
        KernelSet scalar = new ScalarKernels();
        KernelSet vector = vectorKernels();
        Random random = new Random(7);
        for (int rows : new int[] {1, 3, 4, 7, 8, 9, 15, 16, 17, 20, 33, 100}) {
            for (int cols : new int[] {1, 3, 4, 5, 9, 12, 17}) {
                for (int r = 1; r <= 4; r++) {
                    double[] a = random.doubles(rows * cols + 3).toArray();
                    double[] f = random.doubles(cols * r + 2).toArray();
                    double[] u = random.doubles(rows * r + 1).toArray();
                    double[] s1 = new double[rows * r + 1];
                    double[] v1 = new double[rows * r + 1];
                    scalar.multiply(a, 3, rows, cols, f, 2, r, s1, 1);
                    vector.multiply(a, 3, rows, cols, f, 2, r, v1, 1);
                    assertArrayEquals(s1, v1, "multiply " + rows + "x" + cols + ", r = " + r);
                    double[] axpys = new double[rows * r + 1];
                    for (int c = 0; c < r; c++) {
                        for (int k = 0; k < cols; k++) {
                            Kernels.axpy(f[2 + k + c * cols], a, 3 + k * rows, axpys, 1 + c * rows, rows);
                        }
                    }
                    double[] su = new double[rows * r + 1];
                    double[] vu = new double[rows * r + 1];
                    scalar.multiplyUnfused(a, 3, rows, cols, f, 2, r, su, 1);
                    vector.multiplyUnfused(a, 3, rows, cols, f, 2, r, vu, 1);
                    assertArrayEquals(axpys, su, "multiplyUnfused against axpys " + rows + "x" + cols + ", r = " + r);
                    assertArrayEquals(su, vu, "multiplyUnfused " + rows + "x" + cols + ", r = " + r);
                    double[] s2 = new double[cols * r];
                    double[] v2 = new double[cols * r];
                    scalar.transposeMultiply(a, 3, rows, cols, u, 1, r, s2, 0, cols);
                    vector.transposeMultiply(a, 3, rows, cols, u, 1, r, v2, 0, cols);
                    assertArrayEquals(s2, v2, "transposeMultiply " + rows + "x" + cols + ", r = " + r);
                    int n = rows * r;
                    double[] w = random.doubles(cols).toArray();
                    double[] blocks = random.doubles((long) cols * n).toArray();
                    double[] s3 = random.doubles(n).toArray();
                    double[] v3 = s3.clone();
                    scalar.weightedSum(w, 0, cols, blocks, n, n / 3, n, s3);
                    vector.weightedSum(w, 0, cols, blocks, n, n / 3, n, v3);
                    assertArrayEquals(s3, v3, "weightedSum " + cols + " x " + n);
                    double[] x = random.doubles(n).toArray();
                    double[] s4 = new double[cols];
                    double[] v4 = new double[cols];
                    scalar.dotEach(blocks, n, 0, cols, x, s4);
                    vector.dotEach(blocks, n, 0, cols, x, v4);
                    assertArrayEquals(s4, v4, "dotEach " + cols + " x " + n);
                    scalar.axpy(0.7, blocks, 1, s3, 0, n - 1);
                    vector.axpy(0.7, blocks, 1, v3, 0, n - 1);
                    assertArrayEquals(s3, v3, "axpy " + n);
                }
            }
        }
    }

    /**
     * The register tiles of the vector {@code multiply} (twelve, twenty or sixteen rows by three, two or one factor
     * columns, the last tile overlapping the one before it) and the column tiles of {@code transposeMultiply} (two or
     * three columns of {@code A}) give the scalar kernels' bits on every edge: rows around multiples of 4, 8, 12, 16
     * and 20, columns around multiples of 2, 3 and 4, r = 1..6, offsets inside larger arrays; and they write nothing
     * outside their output block.
     */
    @Test
    void tiledProductsAreBitIdenticalToScalarOnesOnEveryEdge() {
        KernelSet scalar = new ScalarKernels();
        KernelSet vector = vectorKernels();
        Random random = new Random(11);
        double guard = -1234.5;
        int[] rowCounts = {1, 2, 3, 4, 5, 7, 8, 9, 11, 12, 13, 15, 16, 17, 19, 20, 21, 23, 24, 25, 27, 31, 32, 33, 36,
                39, 40, 41, 47, 48, 60, 61};
        int[] colCounts = {1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 16, 17, 20};
        for (int rows : rowCounts) {
            for (int cols : colCounts) {
                for (int r = 1; r <= 6; r++) {
                    String shape = rows + "x" + cols + ", r = " + r;
                    double[] a = random.doubles(rows * cols + 5).toArray();
                    double[] f = random.doubles(cols * r + 3).toArray();
                    double[] u = random.doubles(rows * r + 2).toArray();
                    double[] s1 = new double[rows * r + 6];
                    java.util.Arrays.fill(s1, guard);
                    double[] v1 = s1.clone();
                    scalar.multiply(a, 5, rows, cols, f, 3, r, s1, 2);
                    vector.multiply(a, 5, rows, cols, f, 3, r, v1, 2);
                    assertArrayEquals(s1, v1, "multiply " + shape);
                    int n = rows * r;
                    assertWrittenExactly(v1, i -> i >= 2 && i < 2 + n, guard, "multiply " + shape);
                    // the output is a column block of a larger matrix (stride > cols), as in the operator's Jacobian
                    int stride = cols + 3;
                    double[] s2 = new double[stride * r + 4];
                    java.util.Arrays.fill(s2, guard);
                    double[] v2 = s2.clone();
                    scalar.transposeMultiply(a, 5, rows, cols, u, 2, r, s2, 1, stride);
                    vector.transposeMultiply(a, 5, rows, cols, u, 2, r, v2, 1, stride);
                    assertArrayEquals(s2, v2, "transposeMultiply " + shape);
                    int written = cols;
                    int columns = r;
                    assertWrittenExactly(v2, i -> i >= 1 && (i - 1) % stride < written && (i - 1) / stride < columns,
                            guard, "transposeMultiply " + shape);
                }
            }
        }
    }

    /**
     * The Gauss–Newton sweep has the bits of its definition (per-block dot products, summed or doubled, scaled, then
     * the weighted sums over all blocks in order), for one and two block families, on heights around the eight lanes
     * and counts of blocks around its groups of eight; and the vector kernels give the scalar ones' bits.
     */
    @Test
    void gaussNewtonSweepIsPushScaleAndPullInBothImplementations() {
        List<KernelSet> sets = new ArrayList<>(List.of(new ScalarKernels()));
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() && VectorKernels.supported()) {
            sets.add(new VectorKernels());
        }
        Random random = new Random(8);
        for (int nl : new int[] {1, 7, 8, 13, 39, 100}) {
            for (int m : new int[] {1, 3, 8, 9, 21}) {
                int nr = nl + 3;
                double[] left = random.doubles((long) m * nl).toArray();
                double[] right = random.doubles((long) m * nr).toArray();
                double[] a = random.doubles(nl).toArray();
                double[] b = random.doubles(nr).toArray();
                double[] s = random.doubles(m, -1, 1).toArray();
                double[] startLeft = random.doubles(nl).toArray();
                double[] startRight = random.doubles(nr).toArray();
                List<List<double[]>> results = new ArrayList<>();
                for (KernelSet k : sets) {
                    for (boolean twoFamilies : new boolean[] {false, true}) {
                        double[] expectedC = new double[m];
                        double[] fromRight = new double[m];
                        k.dotEach(left, nl, 0, m, a, expectedC);
                        k.dotEach(right, nr, 0, m, b, fromRight);
                        for (int i = 0; i < m; i++) {
                            expectedC[i] = (expectedC[i] + (twoFamilies ? fromRight[i] : expectedC[i])) * s[i];
                        }
                        double[] expectedLeft = startLeft.clone();
                        double[] expectedRight = startRight.clone();
                        k.weightedSum(expectedC, 0, m, left, nl, 0, nl, expectedLeft);
                        k.weightedSum(expectedC, 0, m, right, nr, 0, nr, expectedRight);
                        double[] c = new double[m];
                        double[] outLeft = startLeft.clone();
                        double[] outRight = startRight.clone();
                        k.gaussNewton(left, nl, a, twoFamilies ? right : null, nr, twoFamilies ? b : null, s, c,
                                outLeft, outRight);
                        String what = k.getClass().getSimpleName() + ", " + (twoFamilies ? "two families" : "one")
                                + ", " + m + " blocks of " + nl;
                        assertArrayEquals(expectedC, c, what + ": c");
                        assertArrayEquals(expectedLeft, outLeft, what + ": left");
                        assertArrayEquals(twoFamilies ? expectedRight : startRight, outRight, what + ": right");
                        results.add(List.of(c, outLeft, outRight));
                    }
                }
                for (int t = 2; t < results.size(); t++) {
                    for (int q = 0; q < 3; q++) {
                        assertArrayEquals(results.get(t - 2).get(q), results.get(t).get(q),
                                "vector and scalar, result " + q + ", " + m + " blocks of " + nl);
                    }
                }
            }
        }
    }

    /** The Vector API kernels; the calling test is skipped when this JVM cannot run them. */
    private static KernelSet vectorKernels() {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() && VectorKernels.supported(),
                "the Vector API is not available to this JVM");
        return new VectorKernels();
    }

    /** The entries {@code written} accepts hold results, every other one still holds {@code guard}. */
    private static void assertWrittenExactly(double[] out, IntPredicate written, double guard, String what) {
        for (int i = 0; i < out.length; i++) {
            if (written.test(i)) {
                assertNotEquals(guard, out[i], what + ": left entry " + i + " unwritten");
            } else {
                assertEquals(guard, out[i], 0.0, what + ": wrote entry " + i + " outside its output");
            }
        }
    }

    /**
     * The packed symmetric product has the bits of its documented order, computed here from the unpacked matrix (so
     * the packing's indices are not involved), is the full product up to that order's round-off (each entry within
     * {@code 4n} units of roundoff of {@code sum |A[j,k] X[j,c]|}), and the vector kernel has the scalar one's bits; on
     * every size around the four-row groups, the eight-row blocks and the quads (every {@code n mod 8}: a last quad
     * or not, with rows past a multiple of four or not, columns stored whole after it), for odd and even numbers of
     * factor columns (which the vector kernel takes in pairs), with the packed matrix at the very end of its array
     * (its loads must stay inside it), the output holding stale numbers from an earlier product (it is written, not
     * added to) and the number before it left alone.
     */
    @Test
    void packedSymmetricProductFollowsItsOrderAndBothKernelsAgreeBitForBit() {
        Random random = new Random(8);
        boolean vectorApi = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
                && VectorKernels.supported();
        KernelSet scalar = new ScalarKernels();
        for (int n : new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 22, 23, 24, 25, 28, 31, 32,
                33, 39, 40, 41, 47, 48, 49, 100}) {
            double[] full = random.doubles((long) n * n, -1, 1).toArray();
            for (int k = 0; k < n; k++) {
                for (int j = 0; j < k; j++) {
                    full[k + j * n] = full[j + k * n];
                }
            }
            double[] packed = new double[3 + (int) SymmetricPacking.length(n)];
            SymmetricPacking.pack(full, 0, n, packed, 3);
            double[] unpacked = new double[n * n];
            SymmetricPacking.unpack(packed, 3, n, unpacked, 0);
            assertArrayEquals(full, unpacked, "unpack(pack), n = " + n);
            for (int r = 1; r <= 6; r++) {
                double[] x = random.doubles(n * r + 2, -1, 1).toArray();
                double[] expected = new double[n * r + 1];
                scalar.transposeMultiply(full, 0, n, n, x, 2, r, expected, 1, n);
                double[] s = random.doubles(n * r + 1).toArray();
                double before = s[0];
                scalar.symmetricMultiply(packed, 3, n, x, 2, r, s, 1);
                assertEquals(before, s[0], 0.0, "scalar wrote before its output, n = " + n);
                assertArrayEquals(documentedOrder(full, n, x, 2, r), Arrays.copyOfRange(s, 1, s.length),
                        "scalar against the documented order, n = " + n + ", r = " + r);
                for (int c = 0; c < r; c++) {
                    for (int k = 0; k < n; k++) {
                        double magnitude = 0;
                        for (int j = 0; j < n; j++) {
                            magnitude += Math.abs(full[j + k * n] * x[2 + j + c * n]);
                        }
                        int e = 1 + k + c * n;
                        assertEquals(expected[e], s[e], 4 * n * Math.ulp(magnitude),
                                "scalar, n = " + n + ", r = " + r + ", entry " + k + ", column " + c);
                    }
                }
                if (vectorApi) {
                    double[] v = random.doubles(n * r + 1).toArray();
                    v[0] = s[0];
                    new VectorKernels().symmetricMultiply(packed, 3, n, x, 2, r, v, 1);
                    assertArrayEquals(s, v, "vector, n = " + n + ", r = " + r);
                }
            }
        }
    }

    /**
     * {@code A·X} in the packed product's documented order, from the full column-major matrix: output {@code k} is
     * column {@code k}'s stored rows {@code 0..h-1} ({@code h} the end of its block of eight, or {@code n} in the last
     * {@code n mod 8} columns) as four lane sums of the rows {@code 4v + t}, combined {@code (s0+s1)+(s2+s3)}, then the
     * rows from {@code h & ~3} in order; continued by {@code A[k, l]·X[l, c]} for every later column {@code l} whose
     * block starts after row {@code k}, in increasing {@code l}.
     */
    private static double[] documentedOrder(double[] full, int n, double[] x, int xo, int r) {
        double[] out = new double[n * r];
        for (int c = 0; c < r; c++) {
            for (int k = 0; k < n; k++) {
                int h = Math.min((k | 7) + 1, n);
                double[] lanes = new double[4];
                int whole = h & ~3;
                for (int j = 0; j < whole; j++) {
                    lanes[j & 3] = Math.fma(full[j + k * n], x[xo + j + c * n], lanes[j & 3]);
                }
                double s = (lanes[0] + lanes[1]) + (lanes[2] + lanes[3]);
                for (int j = whole; j < h; j++) {
                    s = Math.fma(full[j + k * n], x[xo + j + c * n], s);
                }
                for (int l = k + 1; l < n; l++) {
                    if ((l & ~7) > k) {
                        s = Math.fma(full[k + l * n], x[xo + l + c * n], s);
                    }
                }
                out[k + c * n] = s;
            }
        }
        return out;
    }

    /**
     * Every stored entry has its own slot and every slot of {@code length(n)} is used once; entries come back from
     * both triangles; and the quads are interleaved by groups of four rows as documented, with the rows past a
     * multiple of four and the last {@code n mod 4} columns after them.
     */
    @Test
    void packingKeepsEveryEntryInItsDocumentedPlace() {
        Random random = new Random(9);
        for (int n : new int[] {1, 3, 4, 5, 7, 8, 9, 13, 17, 100}) {
            double[] full = random.doubles((long) n * n).toArray();
            for (int k = 0; k < n; k++) {
                for (int j = 0; j < k; j++) {
                    full[k + j * n] = full[j + k * n];
                }
            }
            double[] packed = new double[(int) SymmetricPacking.length(n)];
            SymmetricPacking.pack(full, 0, n, packed, 0);
            boolean[] used = new boolean[packed.length];
            for (int k = 0; k < n; k++) {
                for (int j = 0; j < SymmetricPacking.height(k, n); j++) {
                    int slot = SymmetricPacking.index(j, k, n);
                    assertEquals(false, used[slot], "slot " + slot + " taken twice, n = " + n);
                    used[slot] = true;
                }
                for (int j = 0; j < n; j++) {
                    assertEquals(full[j + k * n], packed[SymmetricPacking.index(j, k, n)], 0.0);
                }
            }
            for (int slot = 0; slot < used.length; slot++) {
                assertEquals(true, used[slot], "slot " + slot + " unused, n = " + n);
            }
        }
        assertEquals(5392, SymmetricPacking.length(100));
        // n = 100: row 5 of column 2 is in the second group of rows of quad 0, in its third column
        assertEquals(16 + 2 * 4 + 1, SymmetricPacking.index(5, 2, 100));
        // quad 96..99 (height 100) starts after 12 blocks of 8 x 8-row columns; column 97's row 0 is its fifth number
        assertEquals(32 * 12 * 13 + 4, SymmetricPacking.index(0, 97, 100));
        // n = 7: one quad of height 7, rows 4..6 of each column after its sixteen numbers, then columns 4..6 whole
        assertEquals(16 + 3 * 1 + 2, SymmetricPacking.index(6, 1, 7));
        assertEquals(28 + 7 + 3, SymmetricPacking.index(3, 5, 7));
        assertEquals(false, SymmetricPacking.inQuad(4, 7));
        double[] full = {1, 2, 2, 4};
        assertEquals(true, SymmetricPacking.isSymmetric(full, 0, 2));
        full[1] = 2.5;
        assertEquals(false, SymmetricPacking.isSymmetric(full, 0, 2));
    }

    @Test
    void dotAndAxpyMatchTheirDefinitions() {
        double[] x = {1, 2, 3, 4, 5};
        double[] y = {5, 4, 3, 2, 1};
        assertEquals(35, Kernels.dot(x, 0, y, 0, 5), 0.0);
        Kernels.axpy(2, x, 1, y, 0, 3);
        assertEquals(9, y[0], 0.0);
        assertEquals(10, y[1], 0.0);
        assertEquals(11, y[2], 0.0);
        assertEquals(2, y[3], 0.0);
    }
}
