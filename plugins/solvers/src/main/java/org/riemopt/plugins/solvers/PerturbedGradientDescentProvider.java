package org.riemopt.plugins.solvers;

import java.util.ArrayList;
import java.util.List;

import org.riemopt.solver.Solver;
import org.riemopt.spi.ParameterSpec;
import org.riemopt.spi.ParameterType;
import org.riemopt.spi.Parameters;
import org.riemopt.spi.SolverProvider;

/** Spec name {@code perturbed-gd}: {@link PerturbedGradientDescent}. */
public final class PerturbedGradientDescentProvider implements SolverProvider {

    @Override
    public String name() {
        return "perturbed-gd";
    }

    @Override
    public String description() {
        return "perturbed gradient descent (Jin et al. 2017; Criscitiello-Boumal 2019): escapes strict saddles, "
                + "stops at an approximate second-order point";
    }

    @Override
    public List<ParameterSpec> parameters() {
        PerturbedGradientDescent.Options d = PerturbedGradientDescent.Options.DEFAULTS;
        List<ParameterSpec> list = new ArrayList<>(SolverProvider.stoppingParameters());
        list.add(ParameterSpec.optional("lineSearch", ParameterType.STRING, "armijo",
                "gradient steps: armijo (backtracking) or constant (stepSize)"));
        list.add(ParameterSpec.optional("stepSize", ParameterType.NUMBER, d.stepSize(),
                "the constant step eta of lineSearch: constant"));
        list.addAll(ArmijoLineSearch.parameters());
        list.add(ParameterSpec.optional("gradientThreshold", ParameterType.NUMBER, d.gradientThreshold(),
                "perturb when the gradient norm is at most this (g_thres)"));
        list.add(ParameterSpec.optional("radius", ParameterType.NUMBER, d.radius(),
                "perturbation radius r; absent: gradientThreshold"));
        list.add(ParameterSpec.optional("horizon", ParameterType.INTEGER, d.horizon(),
                "gradient steps before the escape test (t_thres); 0: ceil(10/sqrt(gradientThreshold))"));
        list.add(ParameterSpec.optional("escapeDecrease", ParameterType.NUMBER, d.escapeDecrease(),
                "cost decrease that counts as an escape (f_thres); absent: gradientThreshold^1.5"));
        list.add(ParameterSpec.optional("seed", ParameterType.INTEGER, (int) d.seed(),
                "seed of the random perturbations"));
        return list;
    }

    @Override
    public Solver create(Parameters p) {
        return new PerturbedGradientDescent(new PerturbedGradientDescent.Options(SolverProvider.stoppingOptions(p),
                PerturbedGradientDescent.StepRule.of(p.string("lineSearch")), p.number("stepSize"),
                ArmijoLineSearch.of(p), p.number("gradientThreshold"), p.number("radius"), p.integer("horizon"),
                p.number("escapeDecrease"), p.integer("seed")));
    }
}
