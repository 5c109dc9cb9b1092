package org.riemopt.plugins.solvers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.solver.IterationRecord;
import org.riemopt.solver.Result;
import org.riemopt.solver.SolverOptions;

class SubgradientTest {

    @Test
    void lowersTheCostReturnsTheBestIterateAndStopsOnTheStepSize() {
        SensingFixture f = new SensingFixture(3);
        // No gradient tolerance: a subgradient's norm may dip below any threshold by chance (it depends on the
        // round-off of the operator's kernels); the step size is what this run is about.
        Subgradient solver = new Subgradient(new Subgradient.Options(SolverOptions.DEFAULTS.withMinStepSize(1e-6)
                .withGradientTolerance(0).withMaxIterations(100_000), 0.5, 0.98, true));
        Result<DenseMatrix> r = solver.solve(f.problem, f.start, List.of());
        assertEquals("minStepSize", r.stopReason().criterion(), r.stopReason().message());
        List<IterationRecord> t = r.trace();
        double best = t.stream().mapToDouble(IterationRecord::cost).min().orElseThrow();
        assertEquals(best, r.cost(), "the best cost seen");
        assertEquals(best, (double) t.get(t.size() - 1).extra().get("bestCost"));
        assertTrue(r.cost() < 1e-3 * t.get(0).cost(), "cost " + r.cost() + " from " + t.get(0).cost());
        assertEquals(0.5 * Math.pow(0.98, 10), (double) t.get(11).extra().get("stepLength"), 1e-15);
        assertEquals(0.5 * Math.pow(0.98, 10), t.get(11).stepSize(), 1e-12, "normalized: the step is eta_k long");
    }

    @Test
    void rejectsADecayOutsideTheUnitInterval() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Subgradient.Options(SolverOptions.DEFAULTS, 0.1, 1.5, true));
        assertTrue(e.getMessage().contains("decay"), e.getMessage());
    }
}
