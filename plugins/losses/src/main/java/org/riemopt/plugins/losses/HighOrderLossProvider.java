package org.riemopt.plugins.losses;

import java.util.List;

import org.riemopt.problem.Loss;
import org.riemopt.spi.LossProvider;
import org.riemopt.spi.ParameterSpec;
import org.riemopt.spi.ParameterType;
import org.riemopt.spi.Parameters;

/** Spec name {@code high-order}: {@link LqLoss#highOrder}, parameter {@code order}. */
public final class HighOrderLossProvider implements LossProvider {

    @Override
    public String name() {
        return "high-order";
    }

    @Override
    public String description() {
        return "high-order term (1/l)|r|^l of f + lambda f^l (Ma, Chen, Lavaei, Sojoudi 2024)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.required("order", ParameterType.INTEGER, "the power l, an integer >= 3"));
    }

    @Override
    public Loss create(Parameters parameters) {
        return LqLoss.highOrder(parameters.integer("order"));
    }
}
