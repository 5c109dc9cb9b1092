package org.riemopt.cli;

import java.nio.file.Path;

import org.riemopt.diagnostics.HeldOutError;
import org.riemopt.io.Npz;
import org.riemopt.problem.ObservedEntries;
import org.riemopt.solver.Result;
import org.riemopt.solver.RunMonitor;
import org.riemopt.spec.Instance;
import org.riemopt.spec.RandomStreams;

/**
 * A solver run and the errors measured at its final point, as {@code run}, {@code compare} and {@code sweep}
 * report them.
 *
 * @param result        the solver's result
 * @param relativeError {@code ‖φ(x) − M*‖_F / ‖M*‖_F}, {@code NaN} without a truth
 * @param heldOutError  the held-out relative RMS error of a completion problem with a truth, else {@code NaN}
 */
record Measured(Result<?> result, double relativeError, double heldOutError) {

    /**
     * Solves the instance from its start, optionally saves the final point, and measures the errors. With
     * {@code errorTrace} and a known truth, every trace record also gets its iterate's {@code relativeError}.
     */
    static <P, T> Measured solve(Instance<P, T> instance, Path savePoint, boolean errorTrace) {
        RunMonitor<P> monitor = errorTrace && instance.truth() != null
                ? RunMonitor.<P>none().withStatistic("relativeError", instance::relativeError) : RunMonitor.none();
        Result<P> result = Subcommand.solve(instance, monitor);
        if (savePoint != null) {
            Npz.write(savePoint, instance.space().pointArrays(result.point()));
        }
        double heldOut = Double.NaN;
        if (instance.truth() != null && instance.problem().operator() instanceof ObservedEntries observed) {
            heldOut = HeldOutError.relativeRms(instance.problem().lift().matrix(result.point()), instance.truth(),
                    observed, HeldOutError.DEFAULT_SAMPLES, RandomStreams.DIAGNOSTICS.forSeed(instance.seed()));
        }
        return new Measured(result, instance.relativeError(result.point()), heldOut);
    }
}
