package org.riemopt.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

    /** A state whose cost goes 1, 2, 3, NaN: a run that diverges. */
    private static final class Diverging implements SolverState<Integer> {
        int k;

        @Override public Integer point() { return k; }
        @Override public double cost() { return k < 3 ? k + 1 : Double.NaN; }
        @Override public double gradientNorm() { return 1; }
        @Override public Map<String, Object> initialStatistics() { return Map.of(); }
        @Override public Step step() { k++; return new Step(1.0, Map.of()); }
    }

    @Test
    void aNonFiniteCostStopsAnyRunWithTheLastFiniteIterate() {
        Result<Integer> r = SolverLoop.run("d", new Diverging(), SolverOptions.DEFAULTS.stoppingCriterion(),
                List.of());
        assertEquals("nonFinite", r.stopReason().criterion());
        assertFalse(r.stopReason().converged());
        assertEquals(2, r.point());
        assertEquals(3.0, r.cost());
        assertEquals(3, r.iterations());
        assertTrue(Double.isNaN(r.trace().get(3).cost()), "the non-finite record is in the trace");
    }

    @Test
    void aCallersRuleStopsTheRunWithReasonListener() {
        RunMonitor<Integer> monitor = RunMonitor.<Integer>none().withStopWhen(rec -> rec.cost() < 0.2, "cost < 0.2");
        Result<Integer> r = SolverLoop.run("h", new Halving(), SolverOptions.DEFAULTS.stoppingCriterion(), monitor);
        assertEquals("listener", r.stopReason().criterion());
        assertEquals("cost < 0.2", r.stopReason().message());
        assertEquals(3, r.iterations(), "0.5^3 < 0.2 first at k = 3");
    }

    @Test
    void statisticsOfThePointFollowTheSolversFieldsAndListenersSeeThem() {
        List<IterationRecord> seen = new ArrayList<>();
        RunMonitor<Integer> monitor = RunMonitor.<Integer>of(List.of(seen::add))
                .withStatistic("distanceToTruth", k -> 10.0 - k);
        Result<Integer> r = SolverLoop.run("h", new Halving(), SolverOptions.DEFAULTS.withMaxIterations(2)
                .stoppingCriterion(), monitor);
        assertEquals(List.of("k", "distanceToTruth"), List.copyOf(r.trace().get(0).extra().keySet()));
        assertEquals(8.0, r.trace().get(2).extra().get("distanceToTruth"));
        assertEquals(r.trace(), seen);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SolverLoop.run("h",
                new Halving(), SolverOptions.DEFAULTS.stoppingCriterion(), RunMonitor.<Integer>none()
                        .withStatistic("k", k -> k)));
        assertTrue(e.getMessage().contains("'k' clashes with the solver's own field"), e.getMessage());
    }

    @Test
    void costStallAndStepSizeRulesAreOffByDefaultAndStopWhenSet() {
        // Halving: f_k = 2^-k, relative decrease over w iterations 1 − 2^-w.
        SolverOptions none = SolverOptions.DEFAULTS.withGradientTolerance(0).withMaxIterations(50);
        assertEquals("maxIterations",
                SolverLoop.run("h", new Halving(), none.stoppingCriterion(), List.of()).stopReason().criterion());
        Result<Integer> stall = SolverLoop.run("h", new Halving(), none.withCostStall(0.8, 2).stoppingCriterion(),
                List.of());
        assertEquals("costStall", stall.stopReason().criterion(), "1 − 2^-2 = 0.75 <= 0.8 once k >= 2");
        assertEquals(2, stall.iterations());
        assertEquals("maxIterations", SolverLoop.run("h", new Halving(), none.withCostStall(0.7, 2)
                .stoppingCriterion(), List.of()).stopReason().criterion());
        Result<Integer> step = SolverLoop.run("h", new Halving(), none.withMinStepSize(2).stoppingCriterion(),
                List.of());
        assertEquals("minStepSize", step.stopReason().criterion());
        assertEquals(1, step.iterations(), "iteration 0 has no step");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SolverOptions.DEFAULTS.withCostStall(0.1, 0));
        assertTrue(e.getMessage().contains("costStallWindow"), e.getMessage());
    }

    @Test
    void aCancellationRequestedDuringARunStopsItAfterThatIterationWithoutConvergence() {
        Cancellation cancellation = new Cancellation();
        List<IterationRecord> seen = new ArrayList<>();
        RunMonitor<Integer> monitor = RunMonitor.<Integer>of(List.of(seen::add)).withListener(r -> {
            if (r.iteration() == 3) {
                cancellation.request("asked by the test");
            }
        }).withStop(cancellation);
        SolverOptions options = SolverOptions.DEFAULTS.withGradientTolerance(0).withMaxIterations(100);
        Result<Integer> r = SolverLoop.run("halving", new Halving(), options.stoppingCriterion(), monitor);
        assertEquals(StopReason.INTERRUPTED, r.stopReason().criterion());
        assertFalse(r.stopReason().converged());
        assertTrue(r.stopReason().message().startsWith("asked by the test"), r.stopReason().message());
        assertEquals(3, r.iterations());
        assertEquals(3, r.point(), "the iterate the run reached");
        assertEquals(Math.pow(0.5, 3), r.cost());
        assertEquals(4, r.trace().size());
        assertEquals(r.trace(), seen);
    }

    @Test
    void aCancellationRequestedBeforeTheRunStopsItAtTheStartAndKeepsItsFirstCause() {
        Cancellation cancellation = new Cancellation();
        assertFalse(cancellation.isRequested());
        cancellation.request("first");
        cancellation.request("second");
        assertTrue(cancellation.isRequested());
        Result<Integer> r = SolverLoop.run("halving", new Halving(), SolverOptions.DEFAULTS.stoppingCriterion(),
                RunMonitor.<Integer>none().withStop(cancellation));
        assertEquals(0, r.iterations());
        assertEquals("first; stopped after iteration 0", r.stopReason().message());
    }
}
