package org.riemopt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.riemopt.manifold.Manifold;
import org.riemopt.problem.Problem;
import org.riemopt.problem.WeightedLossSum;
import org.riemopt.spec.Instance;
import org.riemopt.spec.SpecLoader;
import org.riemopt.spi.PluginRegistry;

/**
 * Every smooth loss through every manifold x lift, with Gaussian sensing as the representative operator (the
 * operators themselves are covered by {@link DerivativesOfEveryCombinationTest}): Taylor slopes and Hessian symmetry,
 * and a weighted sum of losses against the weighted sum of the problems with each term alone.
 */
class LossDerivativesTest {

    private static final String[] SMOOTH_LOSSES = {
        "{type: lq, q: 3}",
        "{type: lq, q: 1, smoothing: 0.1}",
        "{type: lq, q: 1.5, smoothing: 0.5, weight: 2}",
        "{type: high-order, order: 4}",
        "[{type: l2}, {type: high-order, order: 4, weight: 0.5}]",
    };

    static Stream<Arguments> spacesAndLosses() {
        List<Arguments> out = new ArrayList<>();
        for (String[] spaces : new String[][] {DerivativesOfEveryCombinationTest.SQUARE_SPACES,
            DerivativesOfEveryCombinationTest.RECTANGULAR_SPACES}) {
            for (String space : spaces) {
                for (String loss : SMOOTH_LOSSES) {
                    out.add(Arguments.of(space, loss));
                }
            }
        }
        return out.stream();
    }

    private static Instance<?, ?> instance(String space, String loss) {
        String spec = "seed: 13\n" + space + "\noperator: {type: gaussian, measurements: 50}\n"
                + "truth: {type: random, rank: 1}\nloss: " + loss + "\n";
        return new SpecLoader(PluginRegistry.fromClassPath()).parse(spec);
    }

    @ParameterizedTest(name = "{0} | {1}")
    @MethodSource("spacesAndLosses")
    void gradientAndHessianPassTaylorTests(String space, String loss) {
        Instance<?, ?> instance = instance(space, loss);
        assertTrue(instance.problem().loss().isTwiceDifferentiable(), loss);
        DerivativesOfEveryCombinationTest.check(instance, space + " | " + loss);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spaces")
    void aSumOfLossesIsTheWeightedSumOfTheProblems(String space) {
        Instance<?, ?> sum = instance(space, "[{type: l2}, {type: high-order, order: 4, weight: 0.5}, "
                + "{type: lq, q: 1, smoothing: 0.1, weight: 3}]");
        assertTrue(sum.problem().loss() instanceof WeightedLossSum, sum.problem().loss().name());
        compare(sum, List.of(instance(space, "l2"), instance(space, "{type: high-order, order: 4}"),
                instance(space, "{type: lq, q: 1, smoothing: 0.1}")), new double[] {1, 0.5, 3});
    }

    static Stream<String> spaces() {
        return Stream.concat(Stream.of(DerivativesOfEveryCombinationTest.SQUARE_SPACES),
                Stream.of(DerivativesOfEveryCombinationTest.RECTANGULAR_SPACES));
    }

    /** The same seed gives the same start in every instance, so their points and tangent vectors are shared. */
    @SuppressWarnings("unchecked")
    private static <P, T> void compare(Instance<P, T> sum, List<Instance<?, ?>> terms, double[] weights) {
        Problem<P, T> problem = sum.problem();
        Manifold<P, T> m = problem.manifold();
        P x = sum.start();
        double cost = 0;
        T gradient = m.zeroTangent(x);
        T u = m.randomTangent(x, new Random(4));
        T hessian = m.zeroTangent(x);
        for (int k = 0; k < terms.size(); k++) {
            Problem<P, T> term = (Problem<P, T>) terms.get(k).problem();
            cost += weights[k] * term.cost(x);
            gradient = m.lincomb(x, 1, gradient, weights[k], term.gradient(x));
            hessian = m.lincomb(x, 1, hessian, weights[k], term.hessian(x, u));
        }
        assertEquals(cost, problem.cost(x), 1e-12 * Math.abs(cost));
        T g = problem.gradient(x);
        assertEquals(0, m.norm(x, m.lincomb(x, 1, g, -1, gradient)), 1e-12 * m.norm(x, g));
        T h = problem.hessian(x, u);
        assertEquals(0, m.norm(x, m.lincomb(x, 1, h, -1, hessian)), 1e-12 * m.norm(x, h));
    }
}
