package org.riemopt.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.riemopt.linalg.DenseMatrix;

/** Sizes below and above the parallel threshold, so both paths are checked against the definition. */
class DenseMeasurementOperatorTest {

    private final Random random = new Random(5);

    @ParameterizedTest
    @ValueSource(ints = {4, 90})
    void productsApplyAndAdjointMatchTheDefinition(int n) {
        int m = 40;
        List<DenseMatrix> a = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            a.add(DenseMatrix.gaussian(n, n + 1, random));
        }
        DenseMeasurementOperator op = DenseMeasurementOperator.of(a);
        assertFalse(op.isSymmetric());
        DenseMatrix x = DenseMatrix.gaussian(n, n + 1, random);
        DenseMatrix u = DenseMatrix.gaussian(n, 2, random);
        DenseMatrix v = DenseMatrix.gaussian(n + 1, 2, random);
        double[] w = new double[m];
        double[] applied = op.apply(x);
        double[] av = new double[m * n * 2];
        double[] atu = new double[m * (n + 1) * 2];
        op.factorProducts(u, v, av, atu);
        DenseMatrix adjoint = DenseMatrix.zeros(n, n + 1);
        for (int i = 0; i < m; i++) {
            w[i] = random.nextGaussian();
            assertEquals(a.get(i).inner(x), applied[i], 1e-11);
            DenseMatrix expectedAv = a.get(i).times(v);
            DenseMatrix expectedAtu = a.get(i).transposeTimes(u);
            for (int k = 0; k < n * 2; k++) {
                assertEquals(expectedAv.data()[k], av[i * n * 2 + k], 1e-11);
            }
            for (int k = 0; k < (n + 1) * 2; k++) {
                assertEquals(expectedAtu.data()[k], atu[i * (n + 1) * 2 + k], 1e-11);
            }
            adjoint = adjoint.plus(a.get(i).scale(w[i]));
        }
        assertEquals(0, op.adjoint(w).toDense().minus(adjoint).normF(), 1e-10);
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 90})
    void fusedPassGivesTheProductsAndTheAdjointOfItsWeights(int n) {
        for (boolean symmetric : new boolean[] {false, true}) {
            List<DenseMatrix> a = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                DenseMatrix g = DenseMatrix.gaussian(n, n, random);
                a.add(symmetric ? g.plus(g.transpose()) : g);
            }
            DenseMeasurementOperator op = DenseMeasurementOperator.of(a);
            DenseMatrix x = DenseMatrix.gaussian(n, 2, random);
            double[] av = new double[40 * n * 2];
            double[] atu = new double[40 * n * 2];
            double[] w = new double[40];
            // The weight of measurement i reads its products, as a lift's does.
            var adjoint = op.factorProductsAndAdjoint(x, x, av, atu, i -> w[i] = av[i * n * 2] + atu[i * n * 2]);
            double[] av2 = new double[40 * n * 2];
            double[] atu2 = new double[40 * n * 2];
            op.factorProducts(x, x, av2, atu2);
            assertEquals(java.util.Arrays.toString(av2), java.util.Arrays.toString(av));
            assertEquals(java.util.Arrays.toString(atu2), java.util.Arrays.toString(atu));
            assertEquals(0, adjoint.toDense().minus(op.adjoint(w).toDense()).normF(), 0.0,
                    "bit-identical to the separate adjoint, symmetric = " + symmetric);
        }
    }

    @Test
    void symmetricOperatorUsesOneProductForBoth() {
        List<DenseMatrix> a = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            DenseMatrix g = DenseMatrix.gaussian(6, 6, random);
            a.add(g.plus(g.transpose()));
        }
        DenseMeasurementOperator op = DenseMeasurementOperator.of(a);
        assertTrue(op.isSymmetric());
        DenseMatrix x = DenseMatrix.gaussian(6, 2, random);
        double[] av = new double[30 * 12];
        double[] atu = new double[30 * 12];
        op.factorProducts(x, x, av, atu);
        for (int i = 0; i < 30; i++) {
            DenseMatrix expected = a.get(i).transposeTimes(x);
            for (int k = 0; k < 12; k++) {
                assertEquals(expected.data()[k], atu[i * 12 + k], 1e-12);
            }
        }
    }

    @Test
    void rejectsMixedShapesAndNonFiniteEntries() {
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class, () ->
                DenseMeasurementOperator.of(List.of(DenseMatrix.zeros(2, 2), DenseMatrix.zeros(2, 3))));
        assertTrue(shape.getMessage().contains("matrix 1 is 2x3"), shape.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class, () ->
                DenseMeasurementOperator.of(List.of(DenseMatrix.ofRows(new double[][] {{Double.NaN}}))));
        assertTrue(nan.getMessage().contains("non-finite"), nan.getMessage());
    }
}
