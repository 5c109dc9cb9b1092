package org.riemopt.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The loop on a scripted state whose cost halves and gradient norm drops tenfold each step. */
class SolverLoopTest {

    private static final class Halving implements SolverState<Integer> {
        int k;

        @Override public Integer point() { return k; }
        @Override public double cost() { return Math.pow(0.5, k); }
        @Override public double gradientNorm() { return Math.pow(0.1, k); }
        @Override public Map<String, Object> initialStatistics() { return Map.of("k", 0); }
        @Override public Step step() { k++; return new Step(1.0, Map.of("k", k)); }
    }

    @Test
    void stopsOnTheFirstCriterionThatFiresAndRecordsEveryIteration() {
        List<IterationRecord> seen = new ArrayList<>();
        SolverOptions options = SolverOptions.DEFAULTS.withGradientTolerance(1e-3).withMaxIterations(100);
        Result<Integer> r = SolverLoop.run("halving", new Halving(), options.stoppingCriterion(), List.of(seen::add));
        assertEquals(4, r.iterations(), "0.1^4 < 1e-3 first at k = 4");
        assertEquals("gradientTolerance", r.stopReason().criterion());
        assertTrue(r.stopReason().converged());
        assertEquals(5, r.trace().size());
        assertEquals(r.trace(), seen);
        assertEquals(4, r.trace().get(4).extra().get("k"));
    }

    @Test
    void costIsCheckedBeforeGradientAndIterationBudgetIsNotConvergence() {
        SolverOptions cost = SolverOptions.DEFAULTS.withCostTolerance(0.2).withGradientTolerance(1e-3);
        assertEquals("costTolerance",
                SolverLoop.run("h", new Halving(), cost.stoppingCriterion(), List.of()).stopReason().criterion());
        SolverOptions budget = SolverOptions.DEFAULTS.withGradientTolerance(0).withMaxIterations(2);
        StopReason reason = SolverLoop.run("h", new Halving(), budget.stoppingCriterion(), List.of()).stopReason();
        assertEquals("maxIterations", reason.criterion());
        assertFalse(reason.converged());
    }

    @Test
    void startThatMeetsTheToleranceStopsAtOnce() {
        SolverOptions options = SolverOptions.DEFAULTS.withCostTolerance(1.0);
        assertEquals(0, SolverLoop.run("h", new Halving(), options.stoppingCriterion(), List.of()).iterations());
    }
}
