package org.riemopt.spi;

import java.util.List;

import org.riemopt.solver.Solver;
import org.riemopt.solver.SolverOptions;

/** Provides a {@link Solver}. */
public interface SolverProvider extends Provider {

    /** Creates the solver from validated parameters. */
    Solver create(Parameters parameters);

    /**
     * The stopping parameters every solver accepts, with {@link SolverOptions#DEFAULTS}: {@code maxIterations},
     * {@code gradientTolerance}, {@code costTolerance}, {@code maxTime}, {@code costStallTolerance},
     * {@code costStallWindow}, {@code minStepSize}. A provider lists these first.
     */
    static List<ParameterSpec> stoppingParameters() {
        SolverOptions d = SolverOptions.DEFAULTS;
        return List.of(
                ParameterSpec.optional("maxIterations", ParameterType.INTEGER, d.maxIterations(),
                        "stop after this many iterations (rejected steps count)"),
                ParameterSpec.optional("gradientTolerance", ParameterType.NUMBER, d.gradientTolerance(),
                        "stop when the Riemannian gradient norm is below this"),
                ParameterSpec.optional("costTolerance", ParameterType.NUMBER, d.costTolerance(),
                        "stop when the cost is at most this (Manopt's tolcost)"),
                ParameterSpec.optional("maxTime", ParameterType.NUMBER, d.maxTime(),
                        "stop after this many seconds"),
                ParameterSpec.optional("costStallTolerance", ParameterType.NUMBER, d.costStallTolerance(),
                        "stop when the relative cost decrease over costStallWindow iterations is at most this; "
                                + "0: off"),
                ParameterSpec.optional("costStallWindow", ParameterType.INTEGER, d.costStallWindow(),
                        "iterations over which costStallTolerance measures the decrease"),
                ParameterSpec.optional("minStepSize", ParameterType.NUMBER, d.minStepSize(),
                        "stop when the norm of the step taken is below this; 0: off"));
    }

    /** The stopping options from parameters declared with {@link #stoppingParameters()}. */
    static SolverOptions stoppingOptions(Parameters p) {
        return new SolverOptions(p.integer("maxIterations"), p.number("gradientTolerance"),
                p.number("costTolerance"), p.number("maxTime"), p.number("costStallTolerance"),
                p.integer("costStallWindow"), p.number("minStepSize"));
    }
}
