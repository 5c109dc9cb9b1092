package org.riemopt.plugins.solvers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.solver.Result;
import org.riemopt.solver.SolverOptions;

class ConjugateGradientTest {

    private static final SolverOptions STOPPING = SolverOptions.DEFAULTS.withGradientTolerance(1e-6)
            .withMaxIterations(5000);

    @Test
    void convergesInFewerIterationsThanGradientDescent() {
        SensingFixture f = new SensingFixture(3);
        Result<DenseMatrix> cg = new ConjugateGradient(ConjugateGradient.Options.DEFAULTS.withStopping(STOPPING))
                .solve(f.problem, f.start, List.of());
        Result<DenseMatrix> gd = new GradientDescent(new GradientDescent.Options(STOPPING, ArmijoLineSearch.DEFAULTS))
                .solve(f.problem, f.start, List.of());
        assertEquals("gradientTolerance", cg.stopReason().criterion(), cg.stopReason().message());
        assertEquals("gradientTolerance", gd.stopReason().criterion());
        assertTrue(cg.iterations() < gd.iterations(), "CG " + cg.iterations() + ", GD " + gd.iterations());
        assertTrue(f.relativeError(cg.point()) < 1e-5, "relative error " + f.relativeError(cg.point()));
        assertEquals(List.of("stepLength", "backtracks", "beta"), List.copyOf(cg.trace().get(0).extra().keySet()));
        System.out.printf("CG %d iterations, GD %d iterations%n", cg.iterations(), gd.iterations());
    }

    @ParameterizedTest
    @EnumSource(ConjugateGradient.BetaRule.class)
    void everyBetaRuleConvergesAndNeverIncreasesTheCost(ConjugateGradient.BetaRule rule) {
        SensingFixture f = new SensingFixture(5);
        Result<DenseMatrix> r = new ConjugateGradient(new ConjugateGradient.Options(STOPPING,
                ArmijoLineSearch.DEFAULTS, rule, Double.POSITIVE_INFINITY)).solve(f.problem, f.start, List.of());
        assertEquals("gradientTolerance", r.stopReason().criterion(), rule + ": " + r.stopReason().message());
        for (int k = 1; k < r.trace().size(); k++) {
            assertTrue(r.trace().get(k).cost() <= r.trace().get(k - 1).cost(), rule + " at " + k);
        }
        System.out.printf("CG %s: %d iterations%n", rule.specName(), r.iterations());
    }

    @Test
    void theOrthogonalityRestartMakesBetaZero() {
        SensingFixture f = new SensingFixture(3);
        // Any |<T(g), g+>| / |g+|^2 >= 0 restarts: every iteration is steepest descent.
        Result<DenseMatrix> r = new ConjugateGradient(new ConjugateGradient.Options(
                STOPPING.withMaxIterations(20), ArmijoLineSearch.DEFAULTS, ConjugateGradient.BetaRule.HESTENES_STIEFEL,
                Double.MIN_VALUE)).solve(f.problem, f.start, List.of());
        assertTrue(r.trace().stream().skip(1).allMatch(t -> (double) t.extra().get("beta") == 0));
    }

    @Test
    void unknownBetaRuleIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConjugateGradient.BetaRule.of("dai-yuan"));
        assertTrue(e.getMessage().contains("beta: unknown rule 'dai-yuan'"), e.getMessage());
    }
}
