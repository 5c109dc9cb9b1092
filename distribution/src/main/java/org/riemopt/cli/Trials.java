package org.riemopt.cli;

import java.util.List;

import org.riemopt.solver.IterationRecord;
import org.riemopt.spec.Instance;
import org.riemopt.spec.SpecException;
import org.riemopt.spec.SpecLoader;

/**
 * Trials of a spec, shared by {@code compare} and {@code sweep}: trial {@code t} of a spec with {@code seed: s}
 * (0 when absent) is the spec loaded with {@code seed: s + t}, so that the trials are different seeded instances
 * and starts, and the same ones for every solver and grid point.
 */
final class Trials {

    private Trials() {
    }

    /** One finished trial: its outcome, and its trace's iterations, costs and times (for convergence plots). */
    record Run(TrialOutcome outcome, double[] iterations, double[] costs, double[] times) {
    }

    /** The spec's {@code seed:}, 0 when absent. */
    static long baseSeed(SpecDocument spec) {
        return SpecLoader.seed(spec.get("seed"));
    }

    /** The spec of trial {@code trial}: the seed replaced by the base seed plus the trial index. */
    static SpecDocument trial(SpecDocument spec, int trial) {
        return spec.with("seed", baseSeed(spec) + trial);
    }

    /**
     * The spec's success rule for an instance of it.
     *
     * @throws SpecException at key {@code success} if the rule cannot be read
     */
    static SuccessRule successRule(SpecDocument spec, Instance<?, ?> instance) {
        try {
            return SuccessRule.of(spec.get("success"), instance.truth() != null);
        } catch (IllegalArgumentException e) {
            throw new SpecException("success", e.getMessage());
        }
    }

    /** Loads trial {@code trial} of {@code spec}, solves it from its start and judges it by {@code rule}. */
    static Run run(SpecDocument spec, int trial, SpecLoader loader, SuccessRule rule) {
        Instance<?, ?> instance = trial(spec, trial).resolve(loader);
        Measured measured = Measured.solve(instance, null, false);
        List<IterationRecord> trace = measured.result().trace();
        double[] iterations = trace.stream().mapToDouble(IterationRecord::iteration).toArray();
        double[] costs = trace.stream().mapToDouble(IterationRecord::cost).toArray();
        double[] times = trace.stream().mapToDouble(IterationRecord::timeSeconds).toArray();
        return new Run(TrialOutcome.of(trial, instance.seed(), measured, rule), iterations, costs, times);
    }
}
