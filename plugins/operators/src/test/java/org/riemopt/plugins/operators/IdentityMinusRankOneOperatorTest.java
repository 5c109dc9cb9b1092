package org.riemopt.plugins.operators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * The contract for the identity and for Zhang's Example 4.1, and the example's claims checked with plain matrix
 * algebra: the RIP identity, {@code ∇f(X₀) = 0}, {@code S = −(1+δ)(1+ε)Q2Q2ᵀ} and the smallest Hessian eigenvalue.
 */
class IdentityMinusRankOneOperatorTest {

    private static final int N = 6;
    private static final int R = 3;
    private static final int R_STAR = 1;
    private static final double EPSILON = 0.1;

    private final RipExampleOperatorProvider rip = new RipExampleOperatorProvider();

    @Nested
    class IdentityRectangular extends OperatorContract {
        @Override
        protected MeasurementOperator operator(Random random) {
            return new IdentityOperatorProvider().create(Parameters.of(List.of(), Map.of()),
                    new OperatorProvider.Context(4, 7, random));
        }
    }

    @Nested
    class RipExample extends OperatorContract {
        @Override
        protected MeasurementOperator operator(Random random) {
            return RipCounterexampleOperator.example41(N, R, R_STAR, EPSILON);
        }
    }

    @Test
    void identityMeasuresTheEntriesColumnMajor() {
        DenseMatrix m = DenseMatrix.ofRows(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertArrayEquals(new double[] {1, 4, 2, 5, 3, 6}, IdentityMinusRankOneOperator.identity(2, 3).apply(m));
    }

    @Test
    void ripExampleSatisfiesItsDefiningIdentity() {
        RipCounterexampleOperator op = RipCounterexampleOperator.example41(N, R, R_STAR, EPSILON);
        DenseMatrix g = op.direction();
        assertEquals(1, g.normF(), 1e-15);
        DenseMatrix e = DenseMatrix.gaussian(N, N, new Random(6));
        double[] ae = op.apply(e);
        double lhs = dot(ae, ae);
        double inner = g.inner(e);
        assertEquals((1 + op.delta()) * e.inner(e) - 2 * op.delta() * inner * inner, lhs, 1e-12 * lhs);
        assertEquals("Zhang (2024), Example 4.1", op.source());
        assertEquals(1 / (1 + 1.1 * Math.sqrt(1.0 / 3)), op.delta(), 1e-15);
    }

    @Test
    void spuriousPointIsCriticalWithTheHessianBoundOfTheExample() {
        RipCounterexampleOperator op = RipCounterexampleOperator.example41(N, R, R_STAR, EPSILON);
        double delta = op.delta();
        DenseMatrix x0 = op.spuriousPoint().left();
        DenseMatrix mStar = op.truth().toDense();
        DenseMatrix error = x0.timesTranspose(x0).minus(mStar);
        DenseMatrix s = op.adjoint(op.apply(error));
        DenseMatrix q2 = op.truth().left().scale(1 / Math.sqrt(1 + EPSILON + Math.sqrt((double) R / R_STAR)));
        assertEquals(0, s.minus(q2.timesTranspose(q2).scale(-(1 + delta) * (1 + EPSILON))).normF(), 1e-12,
                "S = AᵀA(E) = −(1+δ)(1+ε) Q2Q2ᵀ");
        assertEquals(0, s.plus(s.transpose()).times(x0).normF(), 1e-12, "∇f(X₀) = (S + Sᵀ)X₀ = 0");
        assertTrue(error.normF() > mStar.normF(), "‖X₀X₀ᵀ − M*‖ > ‖M*‖");

        double[] eigenvalues = Decompositions.symmetricEigenvalues(hessian(op, x0, s));
        // attained on the r·r* directions V = Q2 Wᵀ (W ∈ R^(r x r*)), where S = −(1+δ)(1+ε)Q2Q2ᵀ acts
        for (int k = 0; k < R * R_STAR; k++) {
            assertEquals(-2 * (1 + delta) * EPSILON, eigenvalues[k], 1e-12, "λ_min ∇²f(X₀) = −2(1+δ)ε");
        }
        assertTrue(eigenvalues[R * R_STAR] > eigenvalues[0] + 1e-6, "multiplicity r·r*");
    }

    /**
     * The {@code nr x nr} Hessian of {@code f(X) = ½‖A(XXᵀ − M*)‖²} at {@code X}, by polarization of
     * {@code ⟨∇²f[V], V⟩ = 2⟨S, VVᵀ⟩ + ‖A(XVᵀ + VXᵀ)‖²} over the basis {@code E_k} of {@code vec(V)}.
     */
    private static DenseMatrix hessian(MeasurementOperator op, DenseMatrix x, DenseMatrix s) {
        int d = N * R;
        double[] h = new double[d * d];
        for (int k = 0; k < d; k++) {
            for (int l = 0; l < d; l++) {
                DenseMatrix plus = basis(k).plus(basis(l));
                DenseMatrix minus = basis(k).minus(basis(l));
                h[k + l * d] = (quadratic(op, x, s, plus) - quadratic(op, x, s, minus)) / 4;
            }
        }
        return DenseMatrix.wrap(d, d, h);
    }

    private static double quadratic(MeasurementOperator op, DenseMatrix x, DenseMatrix s, DenseMatrix v) {
        double[] a = op.apply(x.timesTranspose(v).plus(v.timesTranspose(x)));
        return 2 * s.inner(v.timesTranspose(v)) + dot(a, a);
    }

    private static DenseMatrix basis(int k) {
        double[] d = new double[N * R];
        d[k] = 1;
        return DenseMatrix.wrap(N, R, d);
    }

    private static double dot(double[] x, double[] y) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += x[i] * y[i];
        }
        return sum;
    }

    private String error(Map<String, ?> raw, int rows, int cols) {
        return assertThrows(IllegalArgumentException.class, () -> rip.create(Parameters.of(rip.parameters(), raw),
                new OperatorProvider.Context(rows, cols, new Random(1)))).getMessage();
    }

    @Test
    void ripExampleProviderErrorsNameTheKeys() {
        assertTrue(error(Map.of("rank", 3, "trueRank", 1), 6, 6).contains("missing key 'epsilon'"));
        String rank = error(Map.of("trueRank", 1, "epsilon", 0.1), 6, 6);
        assertTrue(rank.contains("example 4.1 needs key 'rank'"), rank);
        String example = error(Map.of("example", "4.4", "rank", 3, "trueRank", 1, "epsilon", 0.1), 6, 6);
        assertTrue(example.contains("key 'example': got '4.4'; allowed: 1.3, 4.1, 4.5 (Example 4.4 is example 4.1 on the "
                + "factor space with a balancing regularizer"), example);
        String square = error(Map.of("rank", 3, "trueRank", 1, "epsilon", 0.1), 6, 5);
        assertTrue(square.contains("rip-example measures n x n matrices, but the lift produces 6 x 5"),
                square);
        String ranks = error(Map.of("rank", 2, "trueRank", 3, "epsilon", 0.1), 6, 6);
        assertTrue(ranks.contains("trueRank (3) must not exceed rank (2)"), ranks);
        String size = error(Map.of("rank", 4, "trueRank", 3, "epsilon", 0.1), 6, 6);
        assertTrue(size.contains("rank (4) and trueRank (3) need rank < n and rank + trueRank <= n"), size);
        String zero = error(Map.of("rank", 4, "trueRank", 0, "epsilon", 0.1), 6, 6);
        assertTrue(zero.contains("trueRank must be at least 1, got 0"), zero);
        String epsilon = error(Map.of("rank", 3, "trueRank", 1, "epsilon", -0.5), 6, 6);
        assertTrue(epsilon.contains("epsilon must be >= 0, got -0.5"), epsilon);
    }

    @Test
    void ripExampleProviderBuildsTheCounterexample() {
        MeasurementOperator op = rip.create(Parameters.of(rip.parameters(),
                Map.of("rank", R, "trueRank", R_STAR, "epsilon", EPSILON)), new OperatorProvider.Context(N, N,
                new Random(1)));
        assertTrue(op instanceof RipCounterexampleOperator);
        assertEquals(N * N, op.size());
    }
}
