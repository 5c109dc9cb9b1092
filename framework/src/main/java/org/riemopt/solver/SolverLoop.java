package org.riemopt.solver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one iteration loop every solver runs (the Manopt.jl pattern): record the initial point, then step until a
 * stopping criterion fires. The stopping rule is checked at iteration 0 too, so a start that already meets the
 * tolerance stops at once, as in Manopt. Listeners see each record as it is made; a listener that throws aborts the
 * run with that exception.
 *
 * <p>Checked after every record, in this order: a non-finite cost or gradient norm (reason {@code nonFinite}), the
 * solver's criteria, then the caller's ({@link RunMonitor#stop()}). A non-finite iterate is recorded in the trace,
 * but the result holds the last finite iterate, its cost and gradient norm (the start itself when it is already
 * non-finite), so that a diverging run still returns a usable point.
 */
public final class SolverLoop {

    private SolverLoop() {
    }

    /** Runs {@code state} to a stop with these listeners only. */
    public static <P> Result<P> run(String solver, SolverState<P> state, StoppingCriterion stop,
                                    List<Consumer<IterationRecord>> listeners) {
        return run(solver, state, stop, RunMonitor.of(listeners));
    }

    /** Runs {@code state} to a stop. */
    public static <P> Result<P> run(String solver, SolverState<P> state, StoppingCriterion stop,
                                    RunMonitor<P> monitor) {
        long start = System.nanoTime();
        List<IterationRecord> trace = new ArrayList<>();
        StoppingCriterion criteria = stop.or(monitor.stop());
        IterationRecord record = new IterationRecord(0, state.cost(), state.gradientNorm(), 0.0, Double.NaN,
                withStatistics(state.initialStatistics(), state.point(), monitor));
        int iteration = 0;
        P finitePoint = state.point();
        double finiteCost = state.cost();
        double finiteGradientNorm = state.gradientNorm();
        while (true) {
            trace.add(record);
            for (Consumer<IterationRecord> listener : monitor.listeners()) {
                listener.accept(record);
            }
            if (!Double.isFinite(record.cost()) || !Double.isFinite(record.gradientNorm())) {
                StopReason reason = new StopReason(StopReason.NON_FINITE, String.format("cost %s, gradient norm %s at "
                        + "iteration %d; returning the last finite iterate", record.cost(), record.gradientNorm(),
                        iteration), false);
                return new Result<>(solver, finitePoint, finiteCost, finiteGradientNorm, iteration,
                        record.timeSeconds(), reason, trace);
            }
            finitePoint = state.point();
            finiteCost = state.cost();
            finiteGradientNorm = state.gradientNorm();
            Optional<StopReason> reason = criteria.check(record);
            if (reason.isPresent()) {
                return new Result<>(solver, finitePoint, finiteCost, finiteGradientNorm, iteration,
                        record.timeSeconds(), reason.get(), trace);
            }
            SolverState.Step step = state.step();
            iteration++;
            record = new IterationRecord(iteration, state.cost(), state.gradientNorm(), seconds(start),
                    step.stepSize(), withStatistics(step.extra(), state.point(), monitor));
        }
    }

    /** The solver's fields, then the caller's statistics of {@code point}. */
    private static <P> Map<String, Object> withStatistics(Map<String, Object> own, P point, RunMonitor<P> monitor) {
        if (monitor.statistics().isEmpty()) {
            return own;
        }
        Map<String, Object> all = new LinkedHashMap<>(own);
        for (Map.Entry<String, Function<? super P, ?>> s : monitor.statistics().entrySet()) {
            if (all.containsKey(s.getKey())) {
                throw new IllegalArgumentException("statistic '" + s.getKey() + "' clashes with the solver's own "
                        + "field of that name; solver fields: " + own.keySet());
            }
            all.put(s.getKey(), s.getValue().apply(point));
        }
        return all;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) * 1e-9;
    }
}
