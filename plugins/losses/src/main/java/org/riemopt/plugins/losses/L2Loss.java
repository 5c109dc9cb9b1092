package org.riemopt.plugins.losses;

import org.riemopt.problem.Loss;

/** The least-squares loss {@code ℓ(r) = ½ r²}, so {@code L(res) = ½‖res‖²}. */
public final class L2Loss implements Loss {

    @Override
    public String name() {
        return "l2";
    }

    @Override
    public double value(double r) {
        return 0.5 * r * r;
    }

    @Override
    public double derivative(double r) {
        return r;
    }

    @Override
    public double secondDerivative(double r) {
        return 1;
    }
}
