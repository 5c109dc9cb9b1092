package org.riemopt.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.problem.DenseMeasurementOperator;
import org.riemopt.spec.SpecException;

/** The closed-form parts of the landscape toolkit against the papers' formulas, and the RIP estimate. */
class LandscapeFormulasTest {

    @Test
    void deltaCriticalIsMcRaesThreshold() {
        assertEquals(1 / (1 + Math.sqrt(1.0 / 3)), RipBounds.deltaCritical(3, 1), 1e-15);
        assertEquals(0.5, RipBounds.deltaCritical(2, 2), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> RipBounds.deltaCritical(1, 2));
    }

    @Test
    void errorBoundsApplyOnlyBelowTheirThresholds() {
        // Seed 000: (δc − δ)⁻¹ [6√r* λ + √(r + r*) (ε₀ − λ)₊].
        double dc = RipBounds.deltaCritical(4, 1);
        assertEquals((6 * 0.01 + Math.sqrt(5) * 0.09) / (dc - 0.2), RipBounds.mcRaeBound(0.2, 0.1, 0.01, 4, 1),
                1e-14);
        assertTrue(Double.isNaN(RipBounds.mcRaeBound(dc, 0.1, 0, 4, 1)));
        // Seed 002, Theorem 1.4 with ε₁ = ε₂ = 0 is the same bound as seed 000's at λ = 0.
        assertEquals(RipBounds.mcRaeBound(0.2, 0.1, 0, 4, 1), RipBounds.zhangBound(0.2, 0.1, 0, 0, 4, 1), 1e-14);
        assertTrue(Double.isNaN(RipBounds.zhangBound(0.2, 0.1, 1, Double.POSITIVE_INFINITY, 4, 1)));
    }

    @Test
    void theoremSixAtLambdaZeroIsTheoremThree() {
        // Seed 004, Theorem 3: (4) D² > 2(1+δ)/(1−δ) tr(M*) σ_r², and the eigenvalue bound (5).
        double delta = 0.3;
        double d = 2.0;
        double sigma = 0.5;
        double trace = 3.0;
        RipBounds.HighOrderSaddle t = RipBounds.highOrderSaddle(delta, 0, 2, d, sigma, trace, 100);
        assertEquals(2 * (1 + delta) / (1 - delta) * trace * sigma * sigma, t.threshold(), 1e-14);
        assertEquals(2 * (1 + delta) * sigma * sigma - d * d * (1 - delta) / trace, t.eigenvalueBound11(), 1e-14);
        assertEquals(d * d >= t.threshold(), t.inequality10Holds());
        // C(4) = m^{-1} (15/4 − 1).
        assertEquals((15.0 / 4 - 1) / 100, RipBounds.highOrderSaddle(delta, 1, 4, d, sigma, trace, 100).c(), 1e-15);
    }

    @Test
    void theIdentityHasRipConstantZero() {
        int n = 5;
        List<DenseMatrix> units = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                double[] e = new double[n * n];
                e[i + j * n] = 1;
                units.add(DenseMatrix.wrap(n, n, e));
            }
        }
        DenseMeasurementOperator identity = DenseMeasurementOperator.of(units);
        assertEquals(0, RipEstimate.lowerBound(identity, 3, 50, false, new Random(1)), 1e-13);
        assertEquals(0, RipEstimate.lowerBound(identity, 2, 50, true, new Random(1)), 1e-13);
    }

    @Test
    void aGaussianOperatorsEstimateIsBetweenZeroAndOneAndGrowsWithTheRank() {
        int n = 12;
        int m = 1500;
        Random random = new Random(7);
        List<DenseMatrix> a = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            a.add(DenseMatrix.gaussian(n, n, random).scale(1 / Math.sqrt(m)));
        }
        DenseMeasurementOperator gaussian = DenseMeasurementOperator.of(a);
        double previous = 0;
        for (int k : new int[] {1, 4, 12}) {
            double estimate = RipEstimate.lowerBound(gaussian, k, 200, false, new Random(3));
            assertTrue(estimate > previous && estimate < 1, "k = " + k + ": " + estimate);
            previous = estimate;
        }
    }

    @Test
    void optionsHaveDefaultsAndNameTheKeyAtFault() {
        CertifyOptions d = CertifyOptions.defaults();
        assertEquals(CertifyOptions.DEFAULT_RADII, d.radii());
        assertEquals(null, d.ripConstant());
        assertEquals(0, d.highOrderLambda());
        CertifyOptions o = CertifyOptions.parse(Map.of("ripConstant", 0.25, "radii", List.of(0.5),
                "highOrder", Map.of("lambda", 5, "order", 4)));
        assertEquals(0.25, o.ripConstant());
        assertEquals(List.of(0.5), o.radii());
        assertEquals(4, o.highOrderOrder());
        assertEquals("certify.bogus", assertThrows(SpecException.class,
                () -> CertifyOptions.parse(Map.of("bogus", 1))).key());
        assertEquals("certify.ripConstant", assertThrows(SpecException.class,
                () -> CertifyOptions.parse(Map.of("ripConstant", 1.5))).key());
        assertEquals("certify.highOrder.order", assertThrows(SpecException.class,
                () -> CertifyOptions.parse(Map.of("highOrder", Map.of("lambda", 1, "order", 3)))).key());
        assertEquals("certify.radii", assertThrows(SpecException.class,
                () -> CertifyOptions.parse(Map.of("radii", List.of(-1.0)))).key());
        assertFalse(o.radii().isEmpty());
    }

    @Test
    void theDescentExponentIsTheSlopeAboveRoundOff() {
        double[] radii = {1e-3, 1e-2, 1e-1};
        assertEquals(2, LocalDescent.exponent(radii, new double[] {3e-6, 3e-4, 3e-2}, 0), 1e-12);
        assertTrue(Double.isNaN(LocalDescent.exponent(radii, new double[] {1e-17, 2e-16, 0}, 1e-14)));
    }
}
