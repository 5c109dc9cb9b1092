package org.riemopt.plugins.solvers;

import java.util.ArrayList;
import java.util.List;

import org.riemopt.solver.Solver;
import org.riemopt.spi.ParameterSpec;
import org.riemopt.spi.ParameterType;
import org.riemopt.spi.Parameters;
import org.riemopt.spi.SolverProvider;

/** Spec name {@code conjugate-gradient}: {@link ConjugateGradient}. */
public final class ConjugateGradientProvider implements SolverProvider {

    @Override
    public String name() {
        return "conjugate-gradient";
    }

    @Override
    public String description() {
        return "Riemannian nonlinear conjugate gradient with Manopt's defaults (Hestenes-Stiefel+, restarts)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        ConjugateGradient.Options d = ConjugateGradient.Options.DEFAULTS;
        List<ParameterSpec> list = new ArrayList<>(SolverProvider.stoppingParameters());
        list.addAll(ArmijoLineSearch.parameters());
        list.add(ParameterSpec.optional("beta", ParameterType.STRING, d.beta().specName(),
                "hestenes-stiefel, fletcher-reeves, polak-ribiere or hager-zhang"));
        list.add(ParameterSpec.optional("orthoTolerance", ParameterType.NUMBER, d.orthoTolerance(),
                "restart when |<T(g), g+>| / |g+|^2 reaches this (Manopt's orth_value); infinite: off"));
        return list;
    }

    @Override
    public Solver create(Parameters p) {
        return new ConjugateGradient(new ConjugateGradient.Options(SolverProvider.stoppingOptions(p),
                ArmijoLineSearch.of(p), ConjugateGradient.BetaRule.of(p.string("beta")),
                p.number("orthoTolerance")));
    }
}
