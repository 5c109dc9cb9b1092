package org.riemopt.plugins.solvers;

import java.util.ArrayList;
import java.util.List;

import org.riemopt.solver.Solver;
import org.riemopt.spi.ParameterSpec;
import org.riemopt.spi.ParameterType;
import org.riemopt.spi.Parameters;
import org.riemopt.spi.SolverProvider;

/** Spec name {@code sgd}: {@link StochasticGradient}. */
public final class StochasticGradientProvider implements SolverProvider {

    @Override
    public String name() {
        return "sgd";
    }

    @Override
    public String description() {
        return "Riemannian stochastic gradient over the measurements, with optional heavy-ball or Nesterov momentum";
    }

    @Override
    public List<ParameterSpec> parameters() {
        StochasticGradient.Options d = StochasticGradient.Options.DEFAULTS;
        List<ParameterSpec> list = new ArrayList<>(SolverProvider.stoppingParameters());
        list.add(ParameterSpec.optional("momentum", ParameterType.STRING, d.momentum().label(),
                "none, heavy-ball or nesterov"));
        list.add(ParameterSpec.optional("stepSize", ParameterType.NUMBER, d.stepSize(), "step size alpha"));
        list.add(ParameterSpec.optional("beta", ParameterType.NUMBER, d.beta(),
                "momentum beta in [0, 1) (heavy-ball and nesterov)"));
        list.add(ParameterSpec.optional("batchSize", ParameterType.INTEGER, d.batchSize(), "measurements per step"));
        list.add(ParameterSpec.optional("sampling", ParameterType.STRING, d.sampling().label(),
                "cyclic-shuffled (a random permutation per epoch, in order) or with-replacement"));
        list.add(ParameterSpec.optional("decay", ParameterType.NUMBER, d.decay(),
                "factor on the step size after each epoch, in (0, 1]"));
        list.add(ParameterSpec.optional("seed", ParameterType.INTEGER, (int) d.seed(),
                "seed of the permutations and samples"));
        list.add(ParameterSpec.optional("recordEvery", ParameterType.INTEGER, "steps between records of the full "
                + "cost and gradient norm (one pass each); default: once per epoch"));
        return list;
    }

    @Override
    public Solver create(Parameters p) {
        return new StochasticGradient(new StochasticGradient.Options(SolverProvider.stoppingOptions(p),
                StochasticGradient.Momentum.of(p.string("momentum")), p.number("stepSize"), p.number("beta"),
                p.integer("batchSize"), StochasticGradient.Sampling.of(p.string("sampling")), p.number("decay"),
                p.integer("seed"), p.has("recordEvery") ? recordEvery(p.integer("recordEvery")) : 0));
    }

    /** A given {@code recordEvery} must be a step count; 0 is the record's internal "once per epoch". */
    private static int recordEvery(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("recordEvery must be >= 1, got " + value
                    + " (leave it out to record once per epoch)");
        }
        return value;
    }
}
