package org.riemopt.plugins.solvers;

import java.util.ArrayList;
import java.util.List;

import org.riemopt.solver.Solver;
import org.riemopt.spi.ParameterSpec;
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
        List<ParameterSpec> list = new ArrayList<>(SolverProvider.stoppingParameters());
        list.addAll(ArmijoLineSearch.parameters());
        return list;
    }

    @Override
    public Solver create(Parameters p) {
        return new GradientDescent(new GradientDescent.Options(SolverProvider.stoppingOptions(p),
                ArmijoLineSearch.of(p)));
    }
}
