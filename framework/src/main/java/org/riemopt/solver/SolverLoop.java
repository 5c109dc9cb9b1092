package org.riemopt.solver;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The one iteration loop every solver runs (the Manopt.jl pattern): record the initial point, then step until a
 * stopping criterion fires. The stopping rule is checked at iteration 0 too, so a start that already meets the
 * tolerance stops at once, as in Manopt. Listeners see each record as it is made; a listener that throws aborts the
 * run with that exception.
 */
public final class SolverLoop {

    private SolverLoop() {
    }

    /** Runs {@code state} to a stop. */
    public static <P> Result<P> run(String solver, SolverState<P> state, StoppingCriterion stop,
                                    List<Consumer<IterationRecord>> listeners) {
        long start = System.nanoTime();
        List<IterationRecord> trace = new ArrayList<>();
        IterationRecord record = new IterationRecord(0, state.cost(), state.gradientNorm(), 0.0, Double.NaN,
                state.initialStatistics());
        int iteration = 0;
        while (true) {
            trace.add(record);
            for (Consumer<IterationRecord> listener : listeners) {
                listener.accept(record);
            }
            Optional<StopReason> reason = stop.check(record);
            if (reason.isPresent()) {
                return new Result<>(solver, state.point(), state.cost(), state.gradientNorm(), iteration,
                        record.timeSeconds(), reason.get(), trace);
            }
            SolverState.Step step = state.step();
            iteration++;
            record = new IterationRecord(iteration, state.cost(), state.gradientNorm(), seconds(start),
                    step.stepSize(), step.extra());
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) * 1e-9;
    }
}
