package org.riemopt.plugins.losses;

import java.util.List;

import org.riemopt.problem.Loss;
import org.riemopt.spi.LossProvider;
import org.riemopt.spi.ParameterSpec;
import org.riemopt.spi.Parameters;

/** Spec name {@code l2}: {@link L2Loss}, no parameters. */
public final class L2LossProvider implements LossProvider {

    @Override
    public String name() {
        return "l2";
    }

    @Override
    public String description() {
        return "least squares, 1/2 ||res||^2";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of();
    }

    @Override
    public Loss create(Parameters parameters) {
        return new L2Loss();
    }
}
