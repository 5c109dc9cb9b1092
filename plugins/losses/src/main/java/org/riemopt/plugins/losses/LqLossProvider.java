package org.riemopt.plugins.losses;

import java.util.List;

import org.riemopt.problem.Loss;
import org.riemopt.spi.LossProvider;
import org.riemopt.spi.ParameterSpec;
import org.riemopt.spi.ParameterType;
import org.riemopt.spi.Parameters;

/** Spec name {@code lq}: {@link LqLoss#lq}, parameters {@code q} and {@code smoothing}. */
public final class LqLossProvider implements LossProvider {

    @Override
    public String name() {
        return "lq";
    }

    @Override
    public String description() {
        return "power loss (1/q)|r|^q, or (1/q)(r^2 + smoothing^2)^(q/2)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.required("q", ParameterType.NUMBER, "the power, >= 1"),
                ParameterSpec.optional("smoothing", ParameterType.NUMBER, 0.0,
                        "mu >= 0; mu > 0 makes the loss twice differentiable for q < 2"));
    }

    @Override
    public Loss create(Parameters parameters) {
        return LqLoss.lq(parameters.number("q"), parameters.number("smoothing"));
    }
}
