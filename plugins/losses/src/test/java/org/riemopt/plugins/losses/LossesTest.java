package org.riemopt.plugins.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.riemopt.problem.Loss;
import org.riemopt.problem.WeightedLossSum;
import org.riemopt.problem.WeightedLossSum.Term;
import org.riemopt.spi.LossProvider;
import org.riemopt.spi.Parameters;

/** The loss plugins' derivatives, special cases and parameter checks, and weighted sums of them. */
class LossesTest {

    /** Residuals away from 0 and from the Huber kinks at ±0.7. */
    private static final double[] RESIDUALS = {-2.3, -0.9, -0.31, 0.05, 0.42, 1.0, 3.7};

    static Stream<Arguments> differentiableEverywhereButKinks() {
        return Stream.of(
                Arguments.of(new L2Loss()),
                Arguments.of(LqLoss.lq(1, 0)),
                Arguments.of(LqLoss.lq(1.5, 0)),
                Arguments.of(LqLoss.lq(2.5, 0)),
                Arguments.of(LqLoss.lq(3, 0)),
                Arguments.of(LqLoss.lq(1, 0.1)),
                Arguments.of(LqLoss.lq(1.3, 0.5)),
                Arguments.of(LqLoss.lq(4, 2)),
                Arguments.of(LqLoss.l1()),
                Arguments.of(LqLoss.highOrder(3)),
                Arguments.of(LqLoss.highOrder(4)),
                Arguments.of(new HuberLoss(0.7)),
                Arguments.of(sumOfThree()));
    }

    private static Loss sumOfThree() {
        return WeightedLossSum.of(List.of(new Term(1, new L2Loss()), new Term(0.5, LqLoss.highOrder(4)),
                new Term(2, LqLoss.lq(1, 0.2))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("differentiableEverywhereButKinks")
    void derivativesMatchCentralDifferences(Loss loss) {
        double h = 1e-5;
        for (double r : RESIDUALS) {
            double d1 = (loss.value(r + h) - loss.value(r - h)) / (2 * h);
            double d2 = (loss.derivative(r + h) - loss.derivative(r - h)) / (2 * h);
            assertEquals(d1, loss.derivative(r), 1e-7 * Math.max(1, Math.abs(d1)), loss.name() + " ℓ' at " + r);
            assertEquals(d2, loss.secondDerivative(r), 1e-6 * Math.max(1, Math.abs(d2)), loss.name() + " ℓ'' at " + r);
        }
    }

    @Test
    void l1SubgradientLiesBetweenTheOneSidedDirectionalDerivatives() {
        Loss l1 = LqLoss.l1();
        double t = 1e-8;
        for (double r : new double[] {-1.5, -1e-3, 0, 1e-3, 0.8}) {
            double right = (l1.value(r + t) - l1.value(r)) / t;
            double left = (l1.value(r) - l1.value(r - t)) / t;
            assertTrue(left - 1e-6 <= l1.derivative(r) && l1.derivative(r) <= right + 1e-6,
                    "ℓ'(" + r + ") = " + l1.derivative(r) + " in [" + left + ", " + right + "]");
            if (r != 0) {
                assertEquals(left, right, 1e-6, "differentiable at " + r);
                assertEquals(right, l1.derivative(r), 1e-6);
            }
        }
        assertEquals(-1, (l1.value(0) - l1.value(-t)) / t, 0, "left derivative at the kink");
        assertEquals(1, (l1.value(t) - l1.value(0)) / t, 0, "right derivative at the kink");
        assertEquals(0, l1.derivative(0), 0, "the Clarke subgradient chosen at 0");
        assertFalse(l1.isTwiceDifferentiable());
        assertEquals("l1", l1.name());
    }

    @Test
    void lqWithQTwoIsL2() {
        Loss lq = LqLoss.lq(2, 0);
        Loss l2 = new L2Loss();
        for (double r : new double[] {-3, -0.5, 0, 1e-9, 0.25, 7}) {
            assertEquals(l2.value(r), lq.value(r), 1e-15 * Math.max(1, l2.value(r)));
            assertEquals(l2.derivative(r), lq.derivative(r), 1e-15 * Math.max(1, Math.abs(r)));
            assertEquals(l2.secondDerivative(r), lq.secondDerivative(r), 0);
        }
        assertTrue(lq.isTwiceDifferentiable());
    }

    @Test
    void lqFormulasAtChosenPoints() {
        assertEquals(8.0 / 3, LqLoss.lq(3, 0).value(-2), 1e-15);
        assertEquals(-4, LqLoss.lq(3, 0).derivative(-2), 1e-15);
        assertEquals(4, LqLoss.lq(3, 0).secondDerivative(-2), 1e-15);
        assertEquals(0, LqLoss.lq(2.5, 0).secondDerivative(0), 0, "C² at 0 for q in (2, 3)");
        assertEquals(Double.POSITIVE_INFINITY, LqLoss.lq(1.5, 0).secondDerivative(0));
        // (1/q)(r² + μ²)^{q/2} with q = 1, μ = 0.1 at r = 0: μ, slope 0, curvature 1/μ.
        Loss smooth = LqLoss.lq(1, 0.1);
        assertEquals(0.1, smooth.value(0), 1e-15);
        assertEquals(0, smooth.derivative(0), 0);
        assertEquals(10, smooth.secondDerivative(0), 1e-12);
        assertEquals(Math.pow(4, 4) / 4, LqLoss.highOrder(4).value(-4), 1e-12);
        assertEquals("high-order", LqLoss.highOrder(4).name());
    }

    @Test
    void twiceDifferentiableExactlyWhenSmoothedOrQAtLeastTwo() {
        assertFalse(LqLoss.lq(1, 0).isTwiceDifferentiable());
        assertFalse(LqLoss.lq(1.99, 0).isTwiceDifferentiable());
        assertTrue(LqLoss.lq(2, 0).isTwiceDifferentiable());
        assertTrue(LqLoss.lq(2.5, 0).isTwiceDifferentiable());
        assertTrue(LqLoss.lq(1, 1e-3).isTwiceDifferentiable());
        assertTrue(LqLoss.highOrder(3).isTwiceDifferentiable());
        assertFalse(new HuberLoss(1).isTwiceDifferentiable());
    }

    @Test
    void huberPiecesAndContinuityAtTheKinks() {
        double delta = 0.7;
        HuberLoss huber = new HuberLoss(delta);
        assertEquals(0.5 * 0.3 * 0.3, huber.value(-0.3), 1e-16);
        assertEquals(delta * (2 - delta / 2), huber.value(2), 1e-15);
        assertEquals(-0.3, huber.derivative(-0.3), 0);
        assertEquals(delta, huber.derivative(5), 0);
        assertEquals(-delta, huber.derivative(-5), 0);
        assertEquals(1, huber.secondDerivative(0.2), 0);
        assertEquals(0, huber.secondDerivative(-2), 0);
        double e = 1e-12;
        for (double kink : new double[] {-delta, delta}) {
            assertEquals(huber.value(kink - e), huber.value(kink + e), 1e-11, "value continuous at " + kink);
            assertEquals(huber.derivative(kink - e), huber.derivative(kink + e), 1e-11,
                    "derivative continuous at " + kink);
        }
        assertEquals(delta * delta / 2, huber.value(delta), 1e-16, "both pieces agree at δ");
    }

    @Test
    void sumEqualsTheSumOfSeparateEvaluations() {
        Loss sum = sumOfThree();
        Loss l2 = new L2Loss();
        Loss high = LqLoss.highOrder(4);
        Loss smooth = LqLoss.lq(1, 0.2);
        for (double r : RESIDUALS) {
            assertEquals(l2.value(r) + 0.5 * high.value(r) + 2 * smooth.value(r), sum.value(r), 1e-13);
            assertEquals(l2.derivative(r) + 0.5 * high.derivative(r) + 2 * smooth.derivative(r),
                    sum.derivative(r), 1e-13);
            assertEquals(l2.secondDerivative(r) + 0.5 * high.secondDerivative(r) + 2 * smooth.secondDerivative(r),
                    sum.secondDerivative(r), 1e-13);
        }
        assertEquals("l2 + 0.5*high-order + 2.0*lq", sum.name());
        assertTrue(sum.isTwiceDifferentiable());
        Loss withL1 = WeightedLossSum.of(List.of(new Term(1, l2), new Term(0.1, LqLoss.l1())));
        assertFalse(withL1.isTwiceDifferentiable(), "one nonsmooth term makes the sum nonsmooth");
    }

    @Test
    void aSingleTermOfWeightOneIsTheLossItself() {
        Loss l2 = new L2Loss();
        assertSame(l2, WeightedLossSum.of(List.of(new Term(1, l2))));
        Loss scaled = WeightedLossSum.of(List.of(new Term(3, l2)));
        assertEquals(3 * l2.value(1.5), scaled.value(1.5), 1e-15);
        assertEquals("3.0*l2", scaled.name());
    }

    @Test
    void weightsMustBeFiniteAndPositive() {
        for (double w : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new Term(w, new L2Loss()));
            assertTrue(e.getMessage().contains("weight " + w) && e.getMessage().contains("finite and > 0"),
                    e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> WeightedLossSum.of(List.of()));
    }

    @Test
    void parameterErrorsNameTheParameterAndWhatIsAllowed() {
        assertMessage(() -> LqLoss.lq(0.5, 0), "q: got 0.5; must be a finite number >= 1");
        assertMessage(() -> LqLoss.lq(2, -1), "smoothing: got -1.0; must be a finite number >= 0");
        assertMessage(() -> LqLoss.highOrder(2), "order: got 2; must be an integer >= 3");
        assertMessage(() -> new HuberLoss(0), "delta: got 0.0; must be a finite number > 0");
        assertMessage(() -> provider(new LqLossProvider(), Map.of()), "missing key 'q'");
        assertMessage(() -> provider(new HighOrderLossProvider(), Map.of("order", 2.5)), "key 'order'");
        assertMessage(() -> provider(new L1LossProvider(), Map.of("q", 1)), "unknown key 'q'");
    }

    @Test
    void providersCreateTheirLosses() {
        assertEquals("lq", provider(new LqLossProvider(), Map.of("q", 3)).name());
        assertEquals(0, ((LqLoss) provider(new LqLossProvider(), Map.of("q", 3))).smoothing(), 0);
        assertEquals(4, ((LqLoss) provider(new HighOrderLossProvider(), Map.of("order", 4))).q(), 0);
        assertEquals(0.5, ((HuberLoss) provider(new HuberLossProvider(), Map.of("delta", 0.5))).delta(), 0);
        assertEquals("l1", provider(new L1LossProvider(), Map.of()).name());
    }

    private static Loss provider(LossProvider p, Map<String, ?> raw) {
        return p.create(Parameters.of(p.parameters(), raw));
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable action, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action);
        assertTrue(e.getMessage().contains(expected), "'" + expected + "' in: " + e.getMessage());
    }
}
