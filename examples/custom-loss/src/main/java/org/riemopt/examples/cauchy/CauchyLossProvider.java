package org.riemopt.examples.cauchy;

import java.util.List;

import org.riemopt.problem.Loss;
import org.riemopt.spi.LossProvider;
import org.riemopt.spi.ParameterSpec;
import org.riemopt.spi.ParameterType;
import org.riemopt.spi.Parameters;

/** Spec name {@code cauchy}, parameter {@code c} (default 1): {@link CauchyLoss}. */
public final class CauchyLossProvider implements LossProvider {

    @Override
    public String name() {
        return "cauchy";
    }

    @Override
    public String description() {
        return "Cauchy (Lorentzian) loss (c^2/2) log(1 + (res/c)^2), robust to outliers";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.optional("c", ParameterType.NUMBER, 1.0, "scale c > 0 of the residuals"));
    }

    @Override
    public Loss create(Parameters parameters) {
        return new CauchyLoss(parameters.number("c"));
    }
}
