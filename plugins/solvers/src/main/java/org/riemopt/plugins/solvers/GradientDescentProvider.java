package org.riemopt.plugins.solvers;

import java.util.ArrayList;
import java.util.List;

import org.riemopt.solver.Solver;
import org.riemopt.spi.ParameterSpec;
import org.riemopt.spi.ParameterType;
import org.riemopt.spi.Parameters;
import org.riemopt.spi.SolverProvider;

/** Spec name {@code gradient-descent}: {@link GradientDescent}. */
public final class GradientDescentProvider implements SolverProvider {

    @Override
    public String name() {
        return "gradient-descent";
    }

    @Override
    public String description() {
        return "Riemannian steepest descent with Armijo backtracking";
    }

    @Override
    public List<ParameterSpec> parameters() {
        GradientDescent.Options d = GradientDescent.Options.DEFAULTS;
        List<ParameterSpec> list = new ArrayList<>(SolverProvider.stoppingParameters());
        list.add(ParameterSpec.optional("initialStep", ParameterType.NUMBER, d.initialStep(),
                "first trial step length"));
        list.add(ParameterSpec.optional("sufficientDecrease", ParameterType.NUMBER, d.sufficientDecrease(),
                "Armijo constant c in f(R(-t g)) <= f - c t |g|^2"));
        list.add(ParameterSpec.optional("minStepLength", ParameterType.NUMBER, d.minStepLength(),
                "stop when backtracking goes below this step length"));
        return list;
    }

    @Override
    public Solver create(Parameters p) {
        return new GradientDescent(new GradientDescent.Options(SolverProvider.stoppingOptions(p),
                p.number("initialStep"), p.number("sufficientDecrease"), p.number("minStepLength")));
    }
}
