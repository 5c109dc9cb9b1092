package org.riemopt.plugins.solvers;

import java.util.ArrayList;
import java.util.List;

import org.riemopt.solver.Solver;
import org.riemopt.spi.ParameterSpec;
import org.riemopt.spi.ParameterType;
import org.riemopt.spi.Parameters;
import org.riemopt.spi.SolverProvider;

/** Spec name {@code precgd}: {@link PreconditionedGradientDescent}. */
public final class PreconditionedGradientDescentProvider implements SolverProvider {

    @Override
    public String name() {
        return "precgd";
    }

    @Override
    public String description() {
        return "preconditioned gradient descent X - a grad f (X^T X + eta I)^-1 for the xxt and uvt lifts "
                + "(Zhang-Fattahi-Zhang 2021; ScaledGD)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        PreconditionedGradientDescent.Options d = PreconditionedGradientDescent.Options.DEFAULTS;
        List<ParameterSpec> list = new ArrayList<>(SolverProvider.stoppingParameters());
        list.add(ParameterSpec.optional("stepSize", ParameterType.NUMBER, d.stepSize(),
                "a fixed step alpha; absent: Armijo backtracking in the preconditioned metric"));
        list.addAll(ScaledPreconditioning.parameters());
        list.addAll(ArmijoLineSearch.parameters());
        return list;
    }

    @Override
    public Solver create(Parameters p) {
        return new PreconditionedGradientDescent(new PreconditionedGradientDescent.Options(
                SolverProvider.stoppingOptions(p), ScaledPreconditioning.damping(p), p.number("stepSize"),
                ArmijoLineSearch.of(p)));
    }
}
