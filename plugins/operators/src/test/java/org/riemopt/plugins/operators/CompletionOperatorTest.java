package org.riemopt.plugins.operators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.riemopt.linalg.AmbientMatrix;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.linalg.SparseMatrix;
import org.riemopt.problem.FactorJacobian;
import org.riemopt.problem.MeasurementOperator;
import org.riemopt.testing.OperatorContract;

/** The contract for given and sampled entries, sampling itself, the sparse adjoint, and a 100000 x 100000 run. */
class CompletionOperatorTest {

    /** Entries given out of order, with values, on a rectangular shape. */
    @Nested
    class GivenEntries extends OperatorContract {
        @Override
        protected MeasurementOperator operator(Random random) {
            CompletionOperator sampled = CompletionOperator.sample(7, 5, 20, random);
            int k = sampled.size();
            int[] row = new int[k];
            int[] col = new int[k];
            double[] value = new double[k];
            for (int e = 0; e < k; e++) {
                // reversed, so that the operator has to sort them
                row[e] = sampled.row(k - 1 - e);
                col[e] = sampled.col(k - 1 - e);
                value[e] = random.nextGaussian();
            }
            return CompletionOperator.of(7, 5, row, col, value);
        }
    }

    /** Sampled entries of a square matrix, large enough to split over threads. */
    @Nested
    class SampledSquare extends OperatorContract {
        @Override
        protected MeasurementOperator operator(Random random) {
            return CompletionOperator.sample(300, 300, 40_000, random);
        }
    }

    /** Dense sampling (Algorithm S) of a rectangular matrix. */
    @Nested
    class SampledDense extends OperatorContract {
        @Override
        protected MeasurementOperator operator(Random random) {
            return CompletionOperator.sample(6, 9, 40, random);
        }
    }

    @Test
    void givenEntriesAreNumberedInRowMajorOrderWithTheirValues() {
        CompletionOperator op = CompletionOperator.of(3, 4, new int[] {2, 0, 1}, new int[] {1, 3, 0},
                new double[] {21, 3, 10});
        assertArrayEquals(new double[] {3, 10, 21}, op.ownMeasurements().orElseThrow());
        assertEquals(0, op.row(0));
        assertEquals(3, op.col(0));
        assertEquals(2, op.row(2));
        assertTrue(op.isObserved(1, 0));
        assertFalse(op.isObserved(1, 1));
        DenseMatrix m = DenseMatrix.ofRows(new double[][] {{0, 1, 2, 3}, {10, 11, 12, 13}, {20, 21, 22, 23}});
        assertArrayEquals(new double[] {3, 10, 21}, op.apply(m));
    }

    @Test
    void samplingDrawsExactlyCountDistinctEntriesReproducibly() {
        for (int count : new int[] {1, 17, 600, 1100, 1200}) {   // sparse branch below 600, Algorithm S above
            CompletionOperator a = CompletionOperator.sample(30, 40, count, new Random(11));
            CompletionOperator b = CompletionOperator.sample(30, 40, count, new Random(11));
            assertEquals(count, a.size());
            assertTrue(a.ownMeasurements().isEmpty());
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < count; i++) {
                assertTrue(a.row(i) >= 0 && a.row(i) < 30 && a.col(i) >= 0 && a.col(i) < 40);
                assertTrue(seen.add((long) a.row(i) * 40 + a.col(i)), "distinct");
                assertEquals(a.row(i), b.row(i));
                assertEquals(a.col(i), b.col(i));
                assertTrue(a.isObserved(a.row(i), a.col(i)));
            }
        }
        assertEquals(1200, CompletionOperator.sample(30, 40, 1200, new Random(1)).size(), "every entry");
    }

    @Test
    void differentSeedsDrawDifferentEntries() {
        CompletionOperator a = CompletionOperator.sample(100, 100, 50, new Random(1));
        CompletionOperator b = CompletionOperator.sample(100, 100, 50, new Random(2));
        boolean differ = false;
        for (int i = 0; i < 50; i++) {
            differ |= a.row(i) != b.row(i) || a.col(i) != b.col(i);
        }
        assertTrue(differ);
    }

    @Test
    void refusesDuplicatesOutOfRangeEntriesAndImpossibleCounts() {
        IllegalArgumentException duplicate = assertThrows(IllegalArgumentException.class, () ->
                CompletionOperator.of(3, 3, new int[] {1, 2, 1}, new int[] {2, 0, 2}, new double[3]));
        assertTrue(duplicate.getMessage().contains("duplicate entry (row 1, column 2)"), duplicate.getMessage());
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class, () ->
                CompletionOperator.of(3, 3, new int[] {0, 3}, new int[] {0, 1}, new double[2]));
        assertTrue(range.getMessage().contains("entry 1 (row 3, column 1) is outside the 3 x 3 matrix"),
                range.getMessage());
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class, () ->
                CompletionOperator.sample(3, 3, 10, new Random(1)));
        assertTrue(count.getMessage().contains("cannot sample 10 entries of a 3 x 3 matrix"), count.getMessage());
    }

    @Test
    void sparseAdjointRefusesToFormAHugeDenseMatrixAndAddsOnItsPattern() {
        CompletionOperator op = CompletionOperator.sample(20_000, 20_000, 1000, new Random(3));
        SparseMatrix g = op.adjoint(new double[1000]);
        IllegalStateException e = assertThrows(IllegalStateException.class, g::toDense);
        assertTrue(e.getMessage().contains("a 20000 x 20000 sparse matrix is not formed densely"), e.getMessage());
        double[] w = new double[1000];
        w[7] = 2;
        AmbientMatrix sum = op.adjoint(w).plus(op.adjoint(w));
        SparseMatrix s = assertInstanceOf(SparseMatrix.class, sum);
        assertEquals(4, s.value(7), 0.0);
        assertSame(op.pattern(), s.pattern());
    }

    /** 10¹⁰ entries cannot exist as doubles: every step must stay O(|Ω|·r). */
    @Test
    void aHundredThousandSquareInstanceRunsWithoutFormingTheMatrix() {
        Random random = new Random(8);
        int n = 100_000;
        int r = 3;
        CompletionOperator op = CompletionOperator.sample(n, n, 300_000, random);
        DenseMatrix u = DenseMatrix.gaussian(n, r, random);
        DenseMatrix v = DenseMatrix.gaussian(n, r, random);
        FactorJacobian j = op.linearize(u, v, u, (i, value) -> value);
        int probe = 123_456;
        assertEquals(new org.riemopt.linalg.LowRankMatrix(u, v).entry(op.row(probe), op.col(probe)),
                j.values()[probe], 1e-12);
        double[] pushed = j.push(v, u);
        assertEquals(300_000, pushed.length);
        FactorJacobian.Pullback pull = j.pull(j.weights());
        AmbientMatrix g = j.adjoint(j.weights());
        assertSame(g, j.adjoint(j.weights()));
        // ⟨G, U Vᵀ⟩ three ways: Σ wᵢ valuesᵢ, tr(Uᵀ G V), tr(Vᵀ Gᵀ U)
        double expected = 0;
        for (int i = 0; i < op.size(); i++) {
            expected += j.weights()[i] * j.values()[i];
        }
        assertEquals(expected, pull.left().inner(u), 1e-9 * expected);
        assertEquals(expected, pull.right().inner(v), 1e-9 * expected);
        assertEquals(expected, g.times(v).inner(u), 1e-9 * expected);
        assertEquals(expected, g.transposeTimes(u).inner(v), 1e-9 * expected);
    }
}
