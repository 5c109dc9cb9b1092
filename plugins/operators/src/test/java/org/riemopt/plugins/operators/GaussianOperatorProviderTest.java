package org.riemopt.plugins.operators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.riemopt.linalg.SymmetricPacking;
import org.riemopt.problem.DenseMeasurementOperator;
import org.riemopt.spi.OperatorProvider;
import org.riemopt.spi.Parameters;

/** The {@code gaussian} generator draws the documented matrices, and keeps symmetric ones packed. */
class GaussianOperatorProviderTest {

    private final GaussianOperatorProvider provider = new GaussianOperatorProvider();

    private DenseMeasurementOperator create(int m, int rows, int cols, boolean symmetric, long seed) {
        return (DenseMeasurementOperator) provider.create(
                Parameters.of(provider.parameters(), Map.of("measurements", m, "symmetric", symmetric), Path.of(".")),
                new OperatorProvider.Context(rows, cols, new Random(seed)));
    }

    /**
     * {@code Aᵢ = (Gᵢ + Gᵢᵀ)/(2√m)} with {@code Gᵢ} drawn row by row, exactly (the packed generator never holds
     * {@code Gᵢ}), and stored packed.
     */
    @Test
    void symmetricMatricesAreTheSymmetrizedDrawsAndArePacked() {
        int m = 5;
        int n = 7;
        DenseMeasurementOperator op = create(m, n, n, true, 11);
        assertTrue(op.isSymmetric());
        assertEquals(8 * m * SymmetricPacking.length(n), op.dataBytes());
        Random random = new Random(11);
        double half = 0.5 / Math.sqrt(m);
        for (int i = 0; i < m; i++) {
            double[][] g = new double[n][n];
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    g[j][k] = random.nextGaussian();
                }
            }
            double[] expected = new double[n * n];
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    expected[j + k * n] = (g[Math.min(j, k)][Math.max(j, k)] + g[Math.max(j, k)][Math.min(j, k)])
                            * half;
                }
            }
            assertArrayEquals(expected, op.matrix(i).data(), "matrix " + i);
        }
    }

    @Test
    void generalMatricesAreScaledDrawsInFull() {
        DenseMeasurementOperator op = create(3, 2, 3, false, 12);
        assertFalse(op.isSymmetric());
        assertEquals(8L * 3 * 6, op.dataBytes());
        Random random = new Random(12);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                for (int k = 0; k < 3; k++) {
                    assertEquals(random.nextGaussian() * (1 / Math.sqrt(3)), op.matrix(i).get(j, k), 0.0);
                }
            }
        }
    }
}
