package org.riemopt.plugins.solvers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.manifolds.EuclideanIdentityLift;
import org.riemopt.plugins.losses.L2Loss;
import org.riemopt.problem.Problem;
import org.riemopt.solver.Result;
import org.riemopt.solver.SolverOptions;

class PreconditionedGradientDescentTest {

    /** Over-parameterized: true rank 1, search rank 3, n = 15, m = 120. */
    private static SensingFixture overParameterized() {
        return new SensingFixture(7, 1, 3, 120);
    }

    private static PreconditionedGradientDescent solver(SolverOptions stopping) {
        return new PreconditionedGradientDescent(PreconditionedGradientDescent.Options.DEFAULTS
                .withStopping(stopping));
    }

    @Test
    void recoversAnOverParameterizedTruthToRelativeError1e8AtALinearRate() {
        SensingFixture f = overParameterized();
        SolverOptions stopping = SolverOptions.DEFAULTS.withGradientTolerance(0).withCostTolerance(1e-20)
                .withMaxIterations(MAX_ITERATIONS);
        Result<DenseMatrix> r = solver(stopping).solve(f.problem, f.start, List.of());
        assertEquals("costTolerance", r.stopReason().criterion());
        assertTrue(f.relativeError(r.point()) < 1e-8, "relative error " + f.relativeError(r.point()));
        assertEquals(List.of("stepLength", "backtracks", "damping"), List.copyOf(r.trace().get(1).extra().keySet()));
        assertEquals(Math.sqrt(r.trace().get(1).cost()), (double) r.trace().get(1).extra().get("damping"), 0.0,
                "the default damping is sqrt(f)");
    }

    @Test
    void plainGradientDescentCrawlsWhereThePreconditionedMethodDoesNot() {
        SensingFixture f = overParameterized();
        SolverOptions stopping = SolverOptions.DEFAULTS.withGradientTolerance(0).withCostTolerance(1e-20)
                .withMaxIterations(MAX_ITERATIONS);
        Result<DenseMatrix> r = new GradientDescent(new GradientDescent.Options(stopping, ArmijoLineSearch.DEFAULTS))
                .solve(f.problem, f.start, List.of());
        assertEquals("maxIterations", r.stopReason().criterion(), "sublinear near the degenerate minimum");
    }

    @Test
    void aFixedStepAndAFixedDampingAlsoConverge() {
        SensingFixture f = overParameterized();
        PreconditionedGradientDescent.Options o = PreconditionedGradientDescent.Options.DEFAULTS
                .withStopping(SolverOptions.DEFAULTS.withGradientTolerance(0).withCostTolerance(1e-12)
                        .withMaxIterations(MAX_ITERATIONS))
                .withStepSize(0.2);
        Result<DenseMatrix> r = new PreconditionedGradientDescent(o).solve(f.problem, f.start, List.of());
        assertEquals("costTolerance", r.stopReason().criterion());
        assertEquals(0.2, (double) r.trace().get(1).extra().get("stepLength"), 0.0);
    }

    @Test
    void runsAreDeterministic() {
        SolverOptions stopping = SolverOptions.DEFAULTS.withMaxIterations(40);
        Result<DenseMatrix> a = solver(stopping).solve(overParameterized().problem, overParameterized().start,
                List.of());
        Result<DenseMatrix> b = solver(stopping).solve(overParameterized().problem, overParameterized().start,
                List.of());
        assertEquals(a.trace().stream().map(s -> s.cost()).toList(), b.trace().stream().map(s -> s.cost()).toList());
        assertEquals(0, a.point().minus(b.point()).normF());
    }

    @Test
    void refusesAProblemWithoutFactors() {
        SensingFixture f = new SensingFixture(3);
        Problem<DenseMatrix, DenseMatrix> identity = new Problem<>(new org.riemopt.manifolds.Euclidean(15, 15),
                new EuclideanIdentityLift(15, 15), f.operator, new double[f.operator.size()], new L2Loss(),
                List.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> solver(SolverOptions.DEFAULTS).solve(identity, DenseMatrix.zeros(15, 15), List.of()));
        assertTrue(e.getMessage().contains("xxt lift"), e.getMessage());
    }

    private static final int MAX_ITERATIONS = 300;
}
