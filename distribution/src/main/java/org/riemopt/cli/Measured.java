package org.riemopt.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.riemopt.diagnostics.HeldOutError;
import org.riemopt.io.Npz;
import org.riemopt.problem.ObservedEntries;
import org.riemopt.problem.WorkCounts;
import org.riemopt.solver.IterationRecord;
import org.riemopt.solver.Result;
import org.riemopt.solver.RunMonitor;
import org.riemopt.solver.StoppingCriterion;
import org.riemopt.spec.Instance;
import org.riemopt.spec.RandomStreams;

/**
 * A solver run and the errors measured at its final point, as {@code run}, {@code compare} and {@code sweep}
 * report them.
 *
 * @param result        the solver's result
 * @param relativeError {@code ‖φ(x) − M*‖_F / ‖M*‖_F}, {@code NaN} without a truth
 * @param heldOutError  the held-out relative RMS error of a completion problem with a truth, else {@code NaN}
 * @param work          the operator passes and Hessian-vector products of this solve
 */
record Measured(Result<?> result, double relativeError, double heldOutError, WorkCounts work) {

    /**
     * Solves the instance from its start, optionally saves the final point, and measures the errors. With
     * {@code errorTrace} and a known truth, every trace record also gets its iterate's {@code relativeError}.
     */
    static <P, T> Measured solve(Instance<P, T> instance, Path savePoint, boolean errorTrace) {
        return solve(instance, savePoint, errorTrace, List.of(), r -> Optional.empty());
    }

    /**
     * As {@link #solve(Instance, Path, boolean)}, with {@code listeners} seeing each record and {@code stop} (e.g.
     * a {@link org.riemopt.solver.Cancellation}) checked after the solver's own stopping rules.
     */
    static <P, T> Measured solve(Instance<P, T> instance, Path savePoint, boolean errorTrace,
                                 List<Consumer<IterationRecord>> listeners, StoppingCriterion stop) {
        RunMonitor<P> monitor = errorTrace && instance.truth() != null
                ? RunMonitor.<P>none().withStatistic("relativeError", instance::relativeError) : RunMonitor.none();
        for (Consumer<IterationRecord> listener : listeners) {
            monitor = monitor.withListener(listener);
        }
        monitor = monitor.withStop(stop);
        WorkCounts before = instance.problem().workCounts();
        Result<P> result = Subcommand.solve(instance, monitor);
        WorkCounts work = instance.problem().workCounts().since(before);
        if (savePoint != null) {
            Npz.write(savePoint, instance.space().pointArrays(result.point()));
        }
        double heldOut = Double.NaN;
        if (instance.truth() != null && instance.problem().operator() instanceof ObservedEntries observed) {
            heldOut = HeldOutError.relativeRms(instance.problem().lift().matrix(result.point()), instance.truth(),
                    observed, HeldOutError.DEFAULT_SAMPLES, RandomStreams.DIAGNOSTICS.forSeed(instance.seed()));
        }
        return new Measured(result, instance.relativeError(result.point()), heldOut, work);
    }

    /** The inner iterations of all iterations (trust-regions' tCG iterations), 0 for a solver without them. */
    long innerIterations() {
        long total = 0;
        for (IterationRecord record : result.trace()) {
            if (record.extra().get("innerIterations") instanceof Number inner) {
                total += inner.longValue();
            }
        }
        return total;
    }
}
