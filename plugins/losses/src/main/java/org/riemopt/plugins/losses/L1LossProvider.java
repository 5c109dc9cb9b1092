package org.riemopt.plugins.losses;

import java.util.List;

import org.riemopt.problem.Loss;
import org.riemopt.spi.LossProvider;
import org.riemopt.spi.ParameterSpec;
import org.riemopt.spi.Parameters;

/** Spec name {@code l1}: {@link LqLoss#l1}, no parameters. */
public final class L1LossProvider implements LossProvider {

    @Override
    public String name() {
        return "l1";
    }

    @Override
    public String description() {
        return "absolute value |r| (nonsmooth: first-order solvers only)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of();
    }

    @Override
    public Loss create(Parameters parameters) {
        return LqLoss.l1();
    }
}
