package org.riemopt.plugins.operators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.riemopt.linalg.Decompositions;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.problem.MeasurementOperator;
import org.riemopt.spi.OperatorProvider;
import org.riemopt.spi.Parameters;
import org.riemopt.testing.OperatorContract;

/**
 * The operator contract for each counterexample, and what each paper states about its operator, checked with plain
 * matrix algebra (the claims about the cost's derivatives are checked through problems and specs in the
 * distribution's {@code CounterexamplesTest}).
 */
class CounterexampleOperatorTest {

    @Nested
    class Example13 extends OperatorContract {
        @Override
        protected MeasurementOperator operator(Random random) {
            return CounterexampleOperator.zhangExample13(0.01);
        }
    }

    @Nested
    class Example45 extends OperatorContract {
        @Override
        protected MeasurementOperator operator(Random random) {
            return CounterexampleOperator.zhangExample45(4, 2, 0.01);
        }
    }

    @Nested
    class BoumalCriscitiello extends OperatorContract {
        @Override
        protected MeasurementOperator operator(Random random) {
            return CounterexampleOperator.boumalCriscitiello2x2();
        }
    }

    /** The {@code m x (rows·cols)} matrix of the operator, column by column of {@code vec}. */
    private static DenseMatrix matrixOf(MeasurementOperator op) {
        int d = op.rows() * op.cols();
        double[] out = new double[op.size() * d];
        for (int k = 0; k < d; k++) {
            double[] e = new double[d];
            e[k] = 1;
            System.arraycopy(op.apply(DenseMatrix.wrap(op.rows(), op.cols(), e)), 0, out, k * op.size(), op.size());
        }
        return DenseMatrix.wrap(op.size(), d, out);
    }

    private static double[] gramEigenvalues(MeasurementOperator op) {
        DenseMatrix a = matrixOf(op);
        double[] eigenvalues = Decompositions.symmetricEigenvalues(a.transposeTimes(a));
        Arrays.sort(eigenvalues);
        return eigenvalues;
    }

    @Test
    void example13HasTheGramFormOfExample41WithDeltaOneOverTwoPlusEpsilon() {
        double epsilon = 0.01;
        double delta = 1 / (2 + epsilon);
        CounterexampleOperator op = CounterexampleOperator.zhangExample13(epsilon);
        DenseMatrix g = DenseMatrix.diagonal(new double[] {1, -1}).scale(1 / Math.sqrt(2));
        DenseMatrix e = DenseMatrix.gaussian(2, 2, new Random(5));
        double[] ae = op.apply(e);
        double inner = g.inner(e);
        double expected = (1 + delta) * e.inner(e) - 2 * delta * inner * inner;
        assertEquals(expected, DenseMatrix.wrap(4, 1, ae).inner(DenseMatrix.wrap(4, 1, ae)), 1e-14 * expected);
        // RIP(δ, 2) with δ < 1/2: AᵀA has eigenvalues 1 − δ (on G) and 1 + δ
        assertArrayEquals(new double[] {1 - delta, 1 + delta, 1 + delta, 1 + delta}, gramEigenvalues(op), 1e-14);
        assertEquals(0, op.truth().toDense().minus(DenseMatrix.diagonal(new double[] {0, 2 + epsilon})).normF(),
                1e-15);
        DenseMatrix x0 = op.spuriousPoint().toDense();
        assertEquals(0, x0.minus(DenseMatrix.diagonal(new double[] {1, 0})).normF());
        assertTrue(x0.minus(op.truth().toDense()).normF() > op.truth().toDense().normF(), "‖x₀x₀ᵀ − M*‖ > ‖M*‖");
        assertEquals("Zhang (2024), Example 1.3", op.source());
    }

    @Test
    void example45IsTheIdentityWithAnUnbalancedSpuriousPoint() {
        CounterexampleOperator op = CounterexampleOperator.zhangExample45(4, 2, 0.01);
        DenseMatrix m = DenseMatrix.gaussian(4, 4, new Random(6));
        assertArrayEquals(m.data(), op.apply(m), 0);
        DenseMatrix u0 = op.spuriousPoint().left();
        assertEquals(0, u0.transposeTimes(u0).minus(DenseMatrix.identity(2).scale(100)).normF(), 1e-12,
                "U₀ᵀU₀ = I/ε");
        assertEquals(0, u0.get(0, 0), "e₁ᵀU₀ = 0");
        assertEquals(0, op.spuriousPoint().right().normF(), "V₀ = 0");
        assertEquals(1, op.spuriousPoint().toDense().minus(op.truth().toDense()).normF(), "‖U₀V₀ᵀ − e₁e₁ᵀ‖ = 1");
    }

    @Test
    void boumalCriscitielloOperatorHasConditionNumberFour() {
        CounterexampleOperator op = CounterexampleOperator.boumalCriscitiello2x2();
        // the paper's singular values of A: 2, 2, 1.7 (√3), 1
        assertArrayEquals(new double[] {1, 3, 4, 4}, gramEigenvalues(op), 1e-14);
        assertEquals(0, op.spuriousPoint().toDense().minus(DenseMatrix.diagonal(new double[] {0, 0.5})).normF(),
                1e-15);
        double[] residual = op.apply(op.spuriousPoint().toDense().minus(op.truth().toDense()));
        assertEquals(0.75, DenseMatrix.wrap(4, 1, residual).inner(DenseMatrix.wrap(4, 1, residual)) / 2, 1e-15,
                "f(X) = 3/4");
    }

    @Test
    void factoriesNameTheirParameters() {
        assertEquals("epsilon must be > -1 (so that delta = 1/(2 + epsilon) < 1), got -1.0",
                assertThrows(IllegalArgumentException.class, () -> CounterexampleOperator.zhangExample13(-1))
                        .getMessage());
        assertEquals("rank (4) must satisfy 1 <= rank < n = 4", assertThrows(IllegalArgumentException.class,
                () -> CounterexampleOperator.zhangExample45(4, 4, 0.1)).getMessage());
    }

    private static String error(OperatorProvider provider, Map<String, ?> raw, int n) {
        return assertThrows(IllegalArgumentException.class, () -> provider.create(
                Parameters.of(provider.parameters(), raw), new OperatorProvider.Context(n, n, new Random(1))))
                .getMessage();
    }

    @Test
    void providersBuildTheExamplesAndRefuseWhatTheyFix() {
        RipExampleOperatorProvider rip = new RipExampleOperatorProvider();
        MeasurementOperator op = rip.create(Parameters.of(rip.parameters(), Map.of("example", "1.3", "epsilon", 0.01)),
                new OperatorProvider.Context(2, 2, new Random(1)));
        assertEquals("Zhang (2024), Example 1.3", ((CounterexampleOperator) op).source());
        assertTrue(error(rip, Map.of("example", "1.3", "epsilon", 0.01), 3).contains("example 1.3 is on 2 x 2"));
        assertTrue(error(rip, Map.of("example", "1.3", "rank", 1, "epsilon", 0.01), 2)
                .contains("example 1.3 fixes its own sizes; remove key 'rank'"));
        assertTrue(error(rip, Map.of("example", "4.5", "epsilon", 0.01), 4).contains("example 4.5 needs key 'rank'"));
        assertTrue(error(rip, Map.of("example", "4.5", "rank", 2, "trueRank", 1, "epsilon", 0.01), 4)
                .contains("remove key 'trueRank'"));
        BoumalCriscitielloOperatorProvider bc = new BoumalCriscitielloOperatorProvider();
        assertTrue(error(bc, Map.of(), 3).contains("boumal-criscitiello measures 2 x 2 matrices, but the lift "
                + "produces 3 x 3"));
        assertEquals(List.of(), bc.parameters());
    }
}
