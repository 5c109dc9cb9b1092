package org.riemopt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.riemopt.diagnostics.DerivativeChecks;
import org.riemopt.diagnostics.SlopeCheck;
import org.riemopt.manifold.Manifold;
import org.riemopt.problem.Problem;
import org.riemopt.spec.Instance;
import org.riemopt.spec.RandomStreams;
import org.riemopt.spec.SpecLoader;
import org.riemopt.spi.PluginRegistry;

/**
 * Taylor checks of the gradient (slope 2) and Hessian (slope 3, or a model exact to round-off for a quadratic cost)
 * and the Hessian's symmetry, through every manifold x lift x operator combination that specs allow, built from
 * specs as a user would write them.
 */
class DerivativesOfEveryCombinationTest {

    /** Manifold and lift, all measuring 6 x 6 matrices so that every operator applies. */
    static final String[] SQUARE_SPACES = {
        "manifold: {type: euclidean, rows: 6, cols: 3}\nlift: xxt",
        "manifold: {type: euclidean, rows: 6, cols: 6}\nlift: identity",
        "manifold: {type: psd-fixed-rank, rows: 6, rank: 3}\nlift: xxt",
        "manifold: {type: factors, rows: 6, cols: 6, rank: 3}\nlift: uvt",
        "manifold: {type: fixed-rank, rows: 6, cols: 6, rank: 3}\nlift: identity",
    };

    /** Rectangular 6 x 5 measured matrices, for the operators that allow them. */
    static final String[] RECTANGULAR_SPACES = {
        "manifold: {type: euclidean, rows: 6, cols: 5}\nlift: identity",
        "manifold: {type: factors, rows: 6, cols: 5, rank: 2}\nlift: uvt",
        "manifold: {type: fixed-rank, rows: 6, cols: 5, rank: 2}\nlift: identity",
    };

    private static final String[] ANY_SHAPE_OPERATORS = {
        "{type: gaussian, measurements: 50}",
        "{type: completion, count: 24}",
        "{type: identity}",
    };

    private static final String[] SQUARE_OPERATORS = {
        "{type: gaussian, measurements: 50, symmetric: true}",
        "{type: phase-retrieval, measurements: 40}",
        "{type: rip-example, rank: 3, trueRank: 1, epsilon: 0.1}",
    };

    static Stream<Arguments> combinations() {
        List<Arguments> out = new ArrayList<>();
        for (String space : SQUARE_SPACES) {
            for (String operator : ANY_SHAPE_OPERATORS) {
                out.add(Arguments.of(space, operator));
            }
            for (String operator : SQUARE_OPERATORS) {
                out.add(Arguments.of(space, operator));
            }
        }
        for (String space : RECTANGULAR_SPACES) {
            for (String operator : ANY_SHAPE_OPERATORS) {
                out.add(Arguments.of(space, operator));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} | {1}")
    @MethodSource("combinations")
    void gradientAndHessianPassTaylorTests(String space, String operator) {
        String spec = "seed: 11\n" + space + "\noperator: " + operator + "\ntruth: {type: random, rank: 1}\n";
        check(new SpecLoader(PluginRegistry.fromClassPath()).parse(spec), space + " | " + operator);
    }

    static <P, T> void check(Instance<P, T> instance, String what) {
        Problem<P, T> problem = instance.problem();
        Manifold<P, T> m = problem.manifold();
        RandomGenerator random = RandomStreams.DIAGNOSTICS.forSeed(3);
        P x = instance.start();
        T d = m.randomTangent(x, random);
        SlopeCheck gradient = DerivativeChecks.gradient(problem, x, d);
        SlopeCheck hessian = DerivativeChecks.hessian(problem, x, d);
        assertEquals(2, gradient.slope(), 0.1, "gradient slope: " + what);
        assertTrue(hessian.exact() || Math.abs(hessian.slope() - 3) < 0.1,
                "Hessian slope " + hessian.slope() + ": " + what);
        T u = m.randomTangent(x, random);
        T v = m.randomTangent(x, random);
        double scale = m.norm(x, problem.hessian(x, u)) + m.norm(x, problem.hessian(x, v));
        assertEquals(0, DerivativeChecks.hessianSymmetryError(problem, x, u, v), 1e-11 * scale, "symmetry: " + what);
    }
}
