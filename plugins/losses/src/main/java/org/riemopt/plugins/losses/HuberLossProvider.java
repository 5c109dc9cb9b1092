package org.riemopt.plugins.losses;

import java.util.List;

import org.riemopt.problem.Loss;
import org.riemopt.spi.LossProvider;
import org.riemopt.spi.ParameterSpec;
import org.riemopt.spi.ParameterType;
import org.riemopt.spi.Parameters;

/** Spec name {@code huber}: {@link HuberLoss}, parameter {@code delta}. */
public final class HuberLossProvider implements LossProvider {

    @Override
    public String name() {
        return "huber";
    }

    @Override
    public String description() {
        return "Huber: r^2/2 for |r| <= delta, delta (|r| - delta/2) beyond (first-order solvers only)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.required("delta", ParameterType.NUMBER, "the threshold, > 0"));
    }

    @Override
    public Loss create(Parameters parameters) {
        return new HuberLoss(parameters.number("delta"));
    }
}
