package org.riemopt.plugins.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.problem.FactorJacobian;
import org.riemopt.problem.MeasurementOperator;
import org.riemopt.spi.OperatorProvider;
import org.riemopt.spi.Parameters;
import org.riemopt.testing.OperatorContract;

/** The contract (small and split over threads), the lifted identity, the normalization and the provider's errors. */
class PhaseRetrievalOperatorTest {

    private final PhaseRetrievalOperatorProvider provider = new PhaseRetrievalOperatorProvider();

    private MeasurementOperator create(Map<String, ?> raw, int rows, int cols, long seed) {
        return provider.create(Parameters.of(provider.parameters(), raw),
                new OperatorProvider.Context(rows, cols, new Random(seed)));
    }

    @Nested
    class Small extends OperatorContract {
        @Override
        protected MeasurementOperator operator(Random random) {
            return PhaseRetrievalOperator.of(DenseMatrix.gaussian(30, 6, random));
        }
    }

    @Nested
    class ParallelChunks extends OperatorContract {
        @Override
        protected MeasurementOperator operator(Random random) {
            return PhaseRetrievalOperator.of(DenseMatrix.gaussian(3000, 100, random));
        }
    }

    @Test
    void measuresSquaredInnerProductsOfARankOneLift() {
        Random random = new Random(2);
        DenseMatrix a = DenseMatrix.gaussian(5, 4, random);
        DenseMatrix x = DenseMatrix.gaussian(4, 1, random);
        double[] values = PhaseRetrievalOperator.of(a).apply(x.timesTranspose(x));
        double[] ax = a.times(x).data();
        for (int i = 0; i < 5; i++) {
            assertEquals(ax[i] * ax[i], values[i], 1e-12 * (1 + ax[i] * ax[i]));
        }
    }

    @Test
    void symmetricPointKeepsOneProjectionAndOnePullback() {
        Random random = new Random(3);
        PhaseRetrievalOperator op = PhaseRetrievalOperator.of(DenseMatrix.gaussian(20, 5, random));
        DenseMatrix x = DenseMatrix.gaussian(5, 2, random);
        FactorJacobian.Pullback pull = op.linearize(x, x, x, (i, v) -> v).pull(new double[20]);
        assertSame(pull.left(), pull.right());
    }

    @Test
    void generatedVectorsKeepTheExpectedEnergyOfSymmetricMatrices() {
        // E Σ A(M)ᵢ² = 2‖M‖² + (tr M)² = 2·2 + 4 = 8 for M = I₂ (padded to 4 x 4): a loose check of the scale
        DenseMatrix m = DenseMatrix.diagonal(new double[] {1, 1, 0, 0});
        double[] values = create(Map.of("measurements", 20_000), 4, 4, 9).apply(m);
        double energy = 0;
        for (double v : values) {
            energy += v * v;
        }
        assertEquals(8, energy, 0.5);
    }

    @Test
    void vectorsAreUsedAsGiven() {
        MeasurementOperator op = create(Map.of("vectors", List.of(List.of(1, 2), List.of(0, 3))), 2, 2, 1);
        double[] values = op.apply(DenseMatrix.identity(2));
        assertEquals(5, values[0], 0.0);
        assertEquals(9, values[1], 0.0);
    }

    @Test
    void providerErrorsNameTheKeys() {
        String none = assertThrows(IllegalArgumentException.class, () -> create(Map.of(), 3, 3, 1)).getMessage();
        assertTrue(none.contains("exactly one of the keys measurements, vectors; none was given"), none);
        String both = assertThrows(IllegalArgumentException.class, () -> create(Map.of("measurements", 3,
                "vectors", List.of(List.of(1, 2, 3))), 3, 3, 1)).getMessage();
        assertTrue(both.contains("got both"), both);
        String square = assertThrows(IllegalArgumentException.class, () ->
                create(Map.of("measurements", 3), 3, 4, 1)).getMessage();
        assertTrue(square.contains("phase retrieval measures n x n matrices through X X^T, but the lift produces "
                + "3 x 4"), square);
        String length = assertThrows(IllegalArgumentException.class, () ->
                create(Map.of("vectors", List.of(List.of(1, 2))), 3, 3, 1)).getMessage();
        assertTrue(length.contains("key 'vectors': rows have length 2"), length);
        String count = assertThrows(IllegalArgumentException.class, () ->
                create(Map.of("measurements", 0), 3, 3, 1)).getMessage();
        assertTrue(count.contains("key 'measurements': got 0"), count);
    }
}
