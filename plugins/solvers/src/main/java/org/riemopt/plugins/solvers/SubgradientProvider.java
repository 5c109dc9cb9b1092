package org.riemopt.plugins.solvers;

import java.util.ArrayList;
import java.util.List;

import org.riemopt.solver.Solver;
import org.riemopt.spi.ParameterSpec;
import org.riemopt.spi.ParameterType;
import org.riemopt.spi.Parameters;
import org.riemopt.spi.SolverProvider;

/** Spec name {@code subgradient}: {@link Subgradient}. */
public final class SubgradientProvider implements SolverProvider {

    @Override
    public String name() {
        return "subgradient";
    }

    @Override
    public String description() {
        return "Riemannian subgradient method with geometrically decaying steps (Davis et al. 2018), for nonsmooth "
                + "losses such as l1; returns the best iterate";
    }

    @Override
    public List<ParameterSpec> parameters() {
        Subgradient.Options d = Subgradient.Options.DEFAULTS;
        List<ParameterSpec> list = new ArrayList<>(SolverProvider.stoppingParameters());
        list.add(ParameterSpec.optional("stepSize", ParameterType.NUMBER, d.stepSize(),
                "initial step eta_0 (a distance when normalized)"));
        list.add(ParameterSpec.optional("decay", ParameterType.NUMBER, d.decay(),
                "geometric factor q in (0, 1]: eta_k = stepSize * decay^k"));
        list.add(ParameterSpec.optional("normalized", ParameterType.BOOLEAN, d.normalized(),
                "step along -v/|v| (true) or -v (false), v the subgradient"));
        return list;
    }

    @Override
    public Solver create(Parameters p) {
        return new Subgradient(new Subgradient.Options(SolverProvider.stoppingOptions(p), p.number("stepSize"),
                p.number("decay"), p.bool("normalized")));
    }
}
