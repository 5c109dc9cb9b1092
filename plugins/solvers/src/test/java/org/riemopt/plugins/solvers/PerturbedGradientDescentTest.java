package org.riemopt.plugins.solvers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.riemopt.linalg.AmbientMatrix;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.manifolds.Euclidean;
import org.riemopt.problem.SmoothCost;
import org.riemopt.solver.IterationRecord;
import org.riemopt.solver.Result;
import org.riemopt.solver.SolverOptions;

class PerturbedGradientDescentTest {

    private static final PerturbedGradientDescent.Options DEFAULTS = PerturbedGradientDescent.Options.DEFAULTS;

    @Test
    void lowersTheCostAndStopsAtASecondOrderPoint() {
        SensingFixture f = new SensingFixture(3);
        Result<DenseMatrix> r = new PerturbedGradientDescent(DEFAULTS.withStopping(
                SolverOptions.DEFAULTS.withMaxIterations(5000))).solve(f.problem, f.start, List.of());
        assertEquals("secondOrderPoint", r.stopReason().criterion(), r.stopReason().message());
        assertTrue(r.stopReason().converged());
        assertTrue(r.cost() < 1e-3 * r.trace().get(0).cost(), "cost " + r.cost());
        assertTrue(r.gradientNorm() <= DEFAULTS.gradientThreshold(), "returns the anchor, whose gradient is small");
        assertTrue(r.trace().stream().anyMatch(t -> (Boolean) t.extra().get("perturbed")));
        assertEquals(List.of("perturbed", "stepLength"), List.copyOf(r.trace().get(0).extra().keySet()));
        assertTrue(f.relativeError(r.point()) < 1e-2, "relative error " + f.relativeError(r.point()));
    }

    @Test
    void theSameSeedGivesTheSameTraceAndAnotherSeedAnotherOne() {
        SensingFixture f = new SensingFixture(4);
        SolverOptions stopping = SolverOptions.DEFAULTS.withMaxIterations(400);
        PerturbedGradientDescent.Options seeded = DEFAULTS.withStopping(stopping);
        List<IterationRecord> a = new PerturbedGradientDescent(seeded).solve(f.problem, f.start, List.of()).trace();
        List<IterationRecord> b = new PerturbedGradientDescent(seeded).solve(f.problem, f.start, List.of()).trace();
        assertEquals(costs(a), costs(b));
        PerturbedGradientDescent.Options other = new PerturbedGradientDescent.Options(stopping, seeded.stepRule(),
                seeded.stepSize(), seeded.lineSearch(), seeded.gradientThreshold(), seeded.radius(), seeded.horizon(),
                seeded.escapeDecrease(), 1);
        List<IterationRecord> c = new PerturbedGradientDescent(other).solve(f.problem, f.start, List.of()).trace();
        assertNotEquals(costs(a), costs(c), "the perturbations depend on the seed");
    }

    /** The costs as raw bits, so equality is bit-identity. */
    static List<Long> costs(List<IterationRecord> trace) {
        return trace.stream().map(r -> Double.doubleToRawLongBits(r.cost())).toList();
    }

    @Test
    void aCostThatTurnsNanStopsWithNonFiniteAndTheLastFinitePoint() {
        // f(x) = −x² on R, NaN beyond |x| > 2: constant steps x ← (1 + 2η)x diverge into the NaN region.
        Euclidean line = new Euclidean(1, 1);
        SmoothCost<DenseMatrix, DenseMatrix> cost = new SmoothCost<>(line, new SmoothCost.Function<>() {
            @Override
            public double value(DenseMatrix x) {
                double v = x.get(0, 0);
                return Math.abs(v) > 2 ? Double.NaN : -v * v;
            }

            @Override
            public AmbientMatrix gradient(DenseMatrix x) {
                return x.scale(-2);
            }

            @Override
            public AmbientMatrix hessian(DenseMatrix x, DenseMatrix u) {
                return u.scale(-2);
            }
        });
        PerturbedGradientDescent.Options constant = new PerturbedGradientDescent.Options(SolverOptions.DEFAULTS,
                PerturbedGradientDescent.StepRule.CONSTANT, 0.25, ArmijoLineSearch.DEFAULTS, 1e-3, Double.NaN, 0,
                Double.NaN, 0);
        Result<DenseMatrix> r = new PerturbedGradientDescent(constant).solve(cost,
                DenseMatrix.ofRows(new double[][] {{0.1}}), List.of());
        assertEquals("nonFinite", r.stopReason().criterion());
        double last = r.point().get(0, 0);
        assertTrue(Math.abs(last) <= 2 && Math.abs(last) > 2 / 1.5, "the last finite iterate: " + last);
        assertEquals(-last * last, r.cost());
        assertTrue(Double.isNaN(r.trace().get(r.trace().size() - 1).cost()), "the non-finite record is traced");
    }

    @Test
    void rejectsBadOptionsNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PerturbedGradientDescent.Options(SolverOptions.DEFAULTS,
                        PerturbedGradientDescent.StepRule.ARMIJO, 0.1, ArmijoLineSearch.DEFAULTS, 0, Double.NaN, 0,
                        Double.NaN, 0));
        assertTrue(e.getMessage().contains("gradientThreshold"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PerturbedGradientDescent.StepRule.of("wolfe"));
        assertTrue(e.getMessage().contains("lineSearch") && e.getMessage().contains("constant, armijo"),
                e.getMessage());
    }
}
