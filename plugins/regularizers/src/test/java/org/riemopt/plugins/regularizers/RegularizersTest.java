package org.riemopt.plugins.regularizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.riemopt.diagnostics.DerivativeChecks;
import org.riemopt.diagnostics.SlopeCheck;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.manifold.Manifold;
import org.riemopt.manifold.SearchSpace;
import org.riemopt.manifolds.EuclideanProvider;
import org.riemopt.manifolds.FactorSpaceProvider;
import org.riemopt.manifolds.FixedRankProvider;
import org.riemopt.manifolds.PsdFixedRankProvider;
import org.riemopt.manifolds.Tuple;
import org.riemopt.problem.DenseMeasurementOperator;
import org.riemopt.problem.Lift;
import org.riemopt.problem.Loss;
import org.riemopt.problem.Problem;
import org.riemopt.problem.Regularizer;
import org.riemopt.spi.ManifoldProvider;
import org.riemopt.spi.Parameters;
import org.riemopt.spi.RegularizerProvider;

/**
 * Taylor slopes (gradient 2, Hessian 3) of a small ℓ2 sensing cost plus each regularizer, through every lift it
 * applies to; the value identities of each formula; and the refusals on manifolds where a formula has no meaning.
 */
class RegularizersTest {

    private static final RegularizerProvider NUCLEAR = new NuclearRegularizerProvider();
    private static final RegularizerProvider BALANCING = new BalancingRegularizerProvider();
    private static final RegularizerProvider FROBENIUS = new FrobeniusRegularizerProvider();

    private static final Loss L2 = new Loss() {
        @Override public String name() { return "l2"; }
        @Override public double value(double r) { return 0.5 * r * r; }
        @Override public double derivative(double r) { return r; }
        @Override public double secondDerivative(double r) { return 1; }
    };

    private static SearchSpace<?, ?> factors() {
        return space(new FactorSpaceProvider(), Map.of("rows", 5, "cols", 4, "rank", 2));
    }

    private static SearchSpace<?, ?> euclidean() {
        return space(new EuclideanProvider(), Map.of("rows", 5, "cols", 2));
    }

    private static SearchSpace<?, ?> psd() {
        return space(new PsdFixedRankProvider(), Map.of("rows", 5, "rank", 2));
    }

    private static SearchSpace<?, ?> fixedRank() {
        return space(new FixedRankProvider(), Map.of("rows", 5, "cols", 4, "rank", 2));
    }

    private static SearchSpace<?, ?> space(ManifoldProvider provider, Map<String, ?> raw) {
        return provider.create(Parameters.of(provider.parameters(), raw));
    }

    private static <P, T> Regularizer<P, T> regularizer(RegularizerProvider provider, double weight,
                                                        SearchSpace<P, T> space) {
        String key = provider.parameters().get(0).name();
        return provider.create(Parameters.of(provider.parameters(), Map.of(key, weight)), space);
    }

    static Stream<Arguments> regularizedLifts() {
        List<Arguments> out = new ArrayList<>();
        for (RegularizerProvider p : List.of(NUCLEAR, BALANCING, FROBENIUS)) {
            out.add(Arguments.of(p.name(), factors(), "uvt"));
        }
        for (RegularizerProvider p : List.of(NUCLEAR, FROBENIUS)) {
            out.add(Arguments.of(p.name(), euclidean(), "xxt"));
            out.add(Arguments.of(p.name(), euclidean(), "identity"));
        }
        out.add(Arguments.of(NUCLEAR.name(), psd(), "xxt"));
        return out.stream();
    }

    @ParameterizedTest(name = "{0} on {1} through {2}")
    @MethodSource("regularizedLifts")
    void taylorSlopesOfASensingCostWithTheRegularizer(String name, SearchSpace<?, ?> space, String lift) {
        RegularizerProvider provider = Stream.of(NUCLEAR, BALANCING, FROBENIUS)
                .filter(p -> p.name().equals(name)).findFirst().orElseThrow();
        check(provider, space, lift);
    }

    private static <P, T> void check(RegularizerProvider provider, SearchSpace<P, T> space, String liftName) {
        Random random = new Random(7);
        Lift<P, T> lift = space.lifts().get(liftName);
        List<DenseMatrix> matrices = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            matrices.add(DenseMatrix.gaussian(lift.rows(), lift.cols(), random));
        }
        double[] b = DenseMatrix.gaussian(30, 1, random).data();
        Manifold<P, T> m = space.manifold();
        Problem<P, T> problem = new Problem<>(m, lift, DenseMeasurementOperator.of(matrices), b, L2,
                List.of(regularizer(provider, 0.7, space)));
        P x = m.random(random);
        T d = m.randomTangent(x, random);
        SlopeCheck g = DerivativeChecks.gradient(problem, x, d);
        SlopeCheck h = DerivativeChecks.hessian(problem, x, d);
        assertEquals(2, g.slope(), 0.1, "gradient slope");
        assertTrue(h.exact() || Math.abs(h.slope() - 3) < 0.1, "Hessian slope " + h.slope());
        T u = m.randomTangent(x, random);
        T v = m.randomTangent(x, random);
        double scale = m.norm(x, problem.hessian(x, u)) + m.norm(x, problem.hessian(x, v));
        assertEquals(0, DerivativeChecks.hessianSymmetryError(problem, x, u, v), 1e-11 * scale, "symmetry");
    }

    @SuppressWarnings("unchecked")
    private static Regularizer<Tuple, Tuple> onFactors(RegularizerProvider provider, double weight) {
        return regularizer(provider, weight, (SearchSpace<Tuple, Tuple>) factors());
    }

    @SuppressWarnings("unchecked")
    private static Regularizer<DenseMatrix, DenseMatrix> onMatrix(RegularizerProvider provider, double weight,
                                                                  SearchSpace<?, ?> space) {
        return regularizer(provider, weight, (SearchSpace<DenseMatrix, DenseMatrix>) space);
    }

    @Test
    void nuclearOnFactorsIsHalfTheSumOfSquaredNorms() {
        Random random = new Random(1);
        DenseMatrix u = DenseMatrix.gaussian(5, 2, random);
        DenseMatrix v = DenseMatrix.gaussian(4, 2, random);
        double expected = 0.3 * (u.inner(u) + v.inner(v)) / 2;
        assertEquals(expected, onFactors(NUCLEAR, 0.3).value(Tuple.of(u, v)), 1e-14 * expected);
        assertEquals(expected, onFactors(FROBENIUS, 0.3).value(Tuple.of(u, v)), 1e-14 * expected);
    }

    @Test
    void nuclearOnASymmetricFactorIsTheNuclearNormOfItsSquare() {
        DenseMatrix y = DenseMatrix.gaussian(5, 2, new Random(2));
        DenseMatrix yyt = y.timesTranspose(y);
        double trace = 0;
        for (int i = 0; i < 5; i++) {
            trace += yyt.get(i, i);
        }
        // YYᵀ ⪰ 0, so its nuclear norm is its trace
        assertEquals(0.3 * trace, onMatrix(NUCLEAR, 0.3, euclidean()).value(y), 1e-14 * trace);
        assertEquals(0.3 * trace, onMatrix(NUCLEAR, 0.3, psd()).value(y), 1e-14 * trace);
        assertEquals(0.15 * trace, onMatrix(FROBENIUS, 0.3, euclidean()).value(y), 1e-14 * trace);
    }

    @Test
    void balancingIsZeroOnBalancedFactorsAndItsFormulaElsewhere() {
        Random random = new Random(3);
        Regularizer<Tuple, Tuple> balancing = onFactors(BALANCING, 0.5);
        DenseMatrix v = DenseMatrix.gaussian(4, 2, random);
        // U = V padded with a zero row: UᵀU = VᵀV (U = V but for the sizes of the factor space)
        assertEquals(0, balancing.value(Tuple.of(v.vconcat(DenseMatrix.zeros(1, 2)), v)));
        DenseMatrix u = DenseMatrix.gaussian(5, 2, random);
        DenseMatrix d = u.transposeTimes(u).minus(v.transposeTimes(v));
        assertEquals(0.5 * d.inner(d), balancing.value(Tuple.of(u, v)), 1e-13 * d.inner(d));
    }

    private static String refusal(RegularizerProvider provider, SearchSpace<?, ?> space) {
        return assertThrows(IllegalArgumentException.class, () -> regularizer(provider, 0.1, space)).getMessage();
    }

    @Test
    void refusesWhereTheFormulaHasNoMeaning() {
        assertTrue(refusal(NUCLEAR, fixedRank()).contains("nuclear acts on factors"));
        assertTrue(refusal(NUCLEAR, fixedRank()).contains("on fixed-rank use the factor space"));
        assertTrue(refusal(BALANCING, euclidean()).contains("balancing acts on the factor pair (U, V)"));
        assertTrue(refusal(BALANCING, fixedRank()).contains("no pair of factors to balance"));
        assertTrue(refusal(FROBENIUS, psd()).contains("frobenius acts on points of a Euclidean space"));
        assertTrue(refusal(FROBENIUS, fixedRank()).contains("is not one"));
    }

    @Test
    void refusesANegativeWeight() {
        String message = assertThrows(IllegalArgumentException.class,
                () -> regularizer(BALANCING, -1, factors())).getMessage();
        assertEquals("gamma must be >= 0, got -1.0", message);
    }
}
