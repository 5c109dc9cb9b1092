package org.riemopt.problem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.linalg.Kernels;
import org.riemopt.linalg.SymmetricPacking;
import org.riemopt.testing.OperatorContract;

/** The contract on small and large (parallel) operators, symmetric or not, plus the dense operator's own promises. */
class DenseMeasurementOperatorTest {

    private final Random random = new Random(5);

    private static DenseMeasurementOperator gaussian(int m, int rows, int cols, boolean symmetric, Random random) {
        List<DenseMatrix> a = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            DenseMatrix g = DenseMatrix.gaussian(rows, cols, random);
            a.add(symmetric ? g.plus(g.transpose()) : g);
        }
        return DenseMeasurementOperator.of(a);
    }

    @Nested
    class SmallRectangular extends OperatorContract {
        @Override
        protected MeasurementOperator operator(Random random) {
            return gaussian(40, 4, 5, false, random);
        }
    }

    @Nested
    class LargeSquareParallel extends OperatorContract {
        @Override
        protected MeasurementOperator operator(Random random) {
            return gaussian(40, 90, 90, false, random);
        }
    }

    @Nested
    class LargeSymmetricParallel extends OperatorContract {
        @Override
        protected MeasurementOperator operator(Random random) {
            return gaussian(40, 90, 90, true, random);
        }
    }

    @Test
    void layoutIsTheRowsOfTheMatrixActingOnVecColumnMajor() {
        DenseMatrix a0 = DenseMatrix.ofRows(new double[][] {{1, 2, 3}, {4, 5, 6}});
        DenseMeasurementOperator op = DenseMeasurementOperator.wrap(1, 2, 3, new double[] {1, 4, 2, 5, 3, 6});
        assertEquals(0, op.matrix(0).minus(a0).normF(), 0.0);
        assertEquals(0, DenseMeasurementOperator.of(List.of(a0)).matrix(0).minus(a0).normF(), 0.0);
        assertFalse(op.isSymmetric());
    }

    @Test
    void fusedAdjointIsBitIdenticalToTheSeparateOne() {
        for (boolean symmetric : new boolean[] {false, true}) {
            DenseMeasurementOperator op = gaussian(40, 90, 90, symmetric, random);
            DenseMatrix x = DenseMatrix.gaussian(90, 2, random);
            FactorJacobian j = op.linearize(x, x, x, (i, value) -> value * value);
            assertArrayEquals(op.adjoint(j.weights()).data(), j.adjoint(j.weights()).toDense().data(),
                    "symmetric = " + symmetric);
        }
    }

    /**
     * Linearization, pushes and pulls forked over the common pool give the very bits of a run on one thread (a pool
     * of parallelism 1 runs every chunk in turn), and split pushes and pulls those of unsplit ones: chunks are
     * fixed, partial sums are added in a fixed order, and a split pull computes each entry whole. The Gauss–Newton
     * product, one sweep on the calling thread, is in the comparison too.
     */
    @Test
    void parallelAndSerialRunsAreBitIdentical() throws Exception {
        for (boolean symmetric : new boolean[] {false, true}) {
            DenseMeasurementOperator op = gaussian(60, 90, 90, symmetric, random);
            DenseMatrix u = DenseMatrix.gaussian(90, 3, random);
            DenseMatrix v = symmetric ? u : DenseMatrix.gaussian(90, 3, random);
            DenseMatrix a = DenseMatrix.gaussian(90, 3, random);
            DenseMatrix b = symmetric ? a : DenseMatrix.gaussian(90, 3, random);
            double[] w = random.doubles(60).toArray();
            java.util.concurrent.Callable<List<double[]>> run = () -> {
                FactorJacobian j = op.linearize(u, v, u, (i, value) -> value * value);
                FactorJacobian.Pullback pull = j.pull(w);
                double[] scaled = new double[w.length];
                FactorJacobian.Pullback gaussNewton = j.gaussNewton(a, b, w, scaled);
                return List.of(j.values(), j.weights(), j.adjoint(j.weights()).toDense().data(), j.push(a, b),
                        pull.left().data(), pull.right().data(), op.apply(a.times(b.transpose())), scaled,
                        gaussNewton.left().data(), gaussNewton.right().data());
            };
            DenseMeasurementOperator.splitHessianProductsFrom(0);
            java.util.concurrent.ForkJoinPool single = new java.util.concurrent.ForkJoinPool(1);
            try {
                List<double[]> parallel = run.call();
                List<double[]> serial = single.submit(run).get();
                for (int k = 0; k < parallel.size(); k++) {
                    assertArrayEquals(serial.get(k), parallel.get(k), "symmetric = " + symmetric + ", result " + k);
                }
                DenseMeasurementOperator.splitHessianProductsFrom(-1);
                List<double[]> unsplit = run.call();
                for (int k = 0; k < parallel.size(); k++) {
                    assertArrayEquals(unsplit.get(k), parallel.get(k), "unsplit, symmetric = " + symmetric);
                }
            } finally {
                DenseMeasurementOperator.splitHessianProductsFrom(-1);
                single.shutdown();
            }
        }
    }

    @Test
    void symmetricOperatorKeepsOneBlockPerMeasurementForXxt() {
        DenseMeasurementOperator op = gaussian(30, 6, 6, true, random);
        assertTrue(op.isSymmetric());
        DenseMatrix x = DenseMatrix.gaussian(6, 2, random);
        FactorJacobian.Pullback pull = op.linearize(x, x, x, (i, value) -> value).pull(new double[30]);
        assertSame(pull.left(), pull.right());
    }

    /**
     * Exactly symmetric matrices are kept packed (half the bytes), from a list or from a full array; a point's values
     * have the bits of the packed product {@code AᵢX} (and agree with the full matrices' to round-off), and its
     * adjoint those of the full matrices' fused weighted sum in measurement order (one chunk at this size).
     */
    @Test
    void symmetricMatricesAreKeptPackedAndAgreeWithTheFullOnes() {
        int m = 30;
        int n = 20;
        int r = 3;
        List<DenseMatrix> a = new ArrayList<>();
        double[] full = new double[m * n * n];
        for (int i = 0; i < m; i++) {
            DenseMatrix g = DenseMatrix.gaussian(n, n, random);
            a.add(g.plus(g.transpose()));
            System.arraycopy(a.get(i).data(), 0, full, i * n * n, n * n);
        }
        DenseMeasurementOperator op = DenseMeasurementOperator.of(a);
        DenseMeasurementOperator wrapped = DenseMeasurementOperator.wrap(m, n, n, full);
        assertTrue(op.isSymmetric());
        assertTrue(wrapped.isSymmetric());
        assertEquals(8 * m * SymmetricPacking.length(n), op.dataBytes());
        assertEquals(op.dataBytes(), wrapped.dataBytes());
        DenseMatrix x = DenseMatrix.gaussian(n, r, random);
        FactorJacobian j = op.linearize(x, x, x, (i, value) -> value * value);
        DenseMatrix xxt = x.timesTranspose(x);
        double[] applied = op.apply(xxt);
        double[] block = new double[n * r];
        double[] fullBlock = new double[n * r];
        double[] packed = new double[(int) SymmetricPacking.length(n)];
        double[] g = new double[n * n];
        for (int i = 0; i < m; i++) {
            assertEquals(Kernels.fusedDot(a.get(i).data(), 0, xxt.data(), 0, n * n), applied[i], 0.0, "apply " + i);
            assertArrayEquals(a.get(i).data(), op.matrix(i).data(), "matrix " + i);
            assertArrayEquals(a.get(i).data(), wrapped.matrix(i).data(), "wrapped matrix " + i);
            SymmetricPacking.pack(a.get(i).data(), 0, n, packed, 0);
            Kernels.symmetricMultiply(packed, 0, n, x.data(), 0, r, block, 0);
            assertEquals(Kernels.dot(block, 0, x.data(), 0, n * r), j.values()[i], 0.0, "value " + i);
            Kernels.transposeMultiply(a.get(i).data(), 0, n, n, x.data(), 0, r, fullBlock, 0, n);
            double fullValue = Kernels.dot(fullBlock, 0, x.data(), 0, n * r);
            assertEquals(fullValue, j.values()[i], 1e-12 * Math.abs(fullValue), "value " + i + " against full");
            Kernels.fusedAxpy(j.weights()[i], a.get(i).data(), 0, g, 0, n * n);
        }
        assertArrayEquals(g, j.adjoint(j.weights()).toDense().data());
        assertArrayEquals(applied, wrapped.apply(xxt));
        // packed from a list and in place from a full array: the same numbers where the product reads them
        assertArrayEquals(j.values(), wrapped.linearize(x, x, x, (i, value) -> value * value).values());
        assertFalse(DenseMeasurementOperator.wrap(1, 2, 2, new double[] {1, 2, 2.5, 3}).isSymmetric());
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class, () ->
                DenseMeasurementOperator.wrapPacked(2, 3, new double[11]));
        assertTrue(length.getMessage().contains("needs 18 numbers, got 11"), length.getMessage());
    }

    @Test
    void rejectsMixedShapesNonFiniteEntriesAndWrongLengths() {
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class, () ->
                DenseMeasurementOperator.of(List.of(DenseMatrix.zeros(2, 2), DenseMatrix.zeros(2, 3))));
        assertTrue(shape.getMessage().contains("matrix 1 is 2x3"), shape.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class, () ->
                DenseMeasurementOperator.of(List.of(DenseMatrix.ofRows(new double[][] {{Double.NaN}}))));
        assertTrue(nan.getMessage().contains("non-finite"), nan.getMessage());
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class, () ->
                DenseMeasurementOperator.wrap(2, 2, 2, new double[7]));
        assertTrue(length.getMessage().contains("needs 8 numbers, got 7"), length.getMessage());
        IllegalArgumentException huge = assertThrows(IllegalArgumentException.class, () ->
                DenseMeasurementOperator.checkedSize(100_000, 200, 200));
        assertTrue(huge.getMessage().contains("more than one Java array holds"), huge.getMessage());
    }

    /**
     * The Gauss–Newton product in one sweep of the cache has the bits of a push, its scaling and a pull: for one
     * block family ({@code XXᵀ} on symmetric matrices) and two ({@code UVᵀ}, a fixed-rank point {@code U S Vᵀ},
     * distinct factors on symmetric matrices), on heights that are not multiples of eight, for one measurement, one
     * group of eight and groups with a tail; whether the push and the pull are split over two threads (forced here)
     * or not. One family pushed along two directions (left to the push and the pull) is checked the same way.
     */
    @Test
    void gaussNewtonProductIsBitIdenticalToPushScaleAndPull() {
        int r = 3;
        for (int m : new int[] {1, 8, 21}) {
            DenseMeasurementOperator square = gaussian(m, 13, 13, true, random);
            DenseMeasurementOperator wide = gaussian(m, 13, 11, false, random);
            DenseMatrix x = DenseMatrix.gaussian(13, r, random);
            DenseMatrix y = DenseMatrix.gaussian(13, r, random);
            DenseMatrix v = DenseMatrix.gaussian(11, r, random);
            DenseMatrix s = DenseMatrix.gaussian(r, r, random);
            DenseMatrix a = DenseMatrix.gaussian(13, r, random);
            DenseMatrix b = DenseMatrix.gaussian(11, r, random);
            double[] factors = random.doubles(m, -1, 2).toArray();
            factors[m / 2] = 0;
            FactorJacobian xxt = square.linearize(x, x, x, (i, value) -> value);
            assertGaussNewtonIsPushScaleAndPull(xxt, a, a, factors, "XXᵀ, m = " + m);
            assertGaussNewtonIsPushScaleAndPull(xxt, a, y, factors, "one family, two directions, m = " + m);
            assertGaussNewtonIsPushScaleAndPull(square.linearize(x, y, x, (i, value) -> value), a, y, factors,
                    "symmetric UVᵀ, m = " + m);
            assertGaussNewtonIsPushScaleAndPull(wide.linearize(x, v, x, (i, value) -> value), a, b, factors,
                    "UVᵀ, m = " + m);
            assertGaussNewtonIsPushScaleAndPull(wide.linearize(x, v, x.times(s), (i, value) -> value), a, b, factors,
                    "fixed rank, m = " + m);
        }
        FactorJacobian j = gaussian(4, 3, 3, true, random).linearize(DenseMatrix.gaussian(3, 1, random),
                DenseMatrix.gaussian(3, 1, random), DenseMatrix.gaussian(3, 1, random), (i, value) -> value);
        DenseMatrix a = DenseMatrix.gaussian(3, 1, random);
        IllegalArgumentException sizes = assertThrows(IllegalArgumentException.class, () ->
                j.gaussNewton(a, a, new double[3], new double[4]));
        assertTrue(sizes.getMessage().contains("expected 4 factors and 4 outputs, got 3 and 4"), sizes.getMessage());
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class, () ->
                j.gaussNewton(DenseMatrix.gaussian(3, 2, random), a, new double[4], new double[4]));
        assertTrue(shape.getMessage().contains("gaussNewton(a): expected a 3x1 matrix, got 3x2"),
                shape.getMessage());
    }

    private static void assertGaussNewtonIsPushScaleAndPull(FactorJacobian j, DenseMatrix a, DenseMatrix b,
                                                            double[] factors, String what) {
        double[] scaled = new double[factors.length];
        FactorJacobian.Pullback actual = j.gaussNewton(a, b, factors, scaled);
        for (long splitFrom : new long[] {-1, 0}) {
            DenseMeasurementOperator.splitHessianProductsFrom(splitFrom);
            try {
                double[] expectedScaled = j.push(a, b);
                for (int i = 0; i < expectedScaled.length; i++) {
                    expectedScaled[i] *= factors[i];
                }
                FactorJacobian.Pullback expected = j.pull(expectedScaled);
                String where = what + (splitFrom == 0 ? ", split push and pull" : ", one-thread push and pull");
                assertArrayEquals(expectedScaled, scaled, where + ": scaled pushes");
                assertArrayEquals(expected.left().data(), actual.left().data(), where + ": left");
                assertArrayEquals(expected.right().data(), actual.right().data(), where + ": right");
                assertEquals(expected.left() == expected.right(), actual.left() == actual.right(),
                        where + ": one family pulls one half");
            } finally {
                DenseMeasurementOperator.splitHessianProductsFrom(-1);
            }
        }
    }

    @Test
    void countsTheJacobianItKeepsForTheMemoryCheck() {
        // AᵢV (rows x r) and AᵢᵀU (cols x r) per measurement; a symmetric operator keeps one of them for XXᵀ.
        assertEquals(7 * (4 + 5) * 3, gaussian(7, 4, 5, false, random).jacobianNumbers(3));
        assertEquals(7 * 4 * 3, gaussian(7, 4, 4, true, random).jacobianNumbers(3));
    }
}
