package org.riemopt.examples.cauchy;

import org.riemopt.problem.Loss;

/**
 * The Cauchy (Lorentzian) loss {@code ℓ(r) = (c²/2)·log(1 + (r/c)²)}: quadratic for {@code |r| ≪ c}, logarithmic
 * for {@code |r| ≫ c}, so gross outliers pull on the fit much less than under least squares (Black and Rangarajan,
 * "On the unification of line processes, outlier rejection, and robust statistics", IJCV 19, 1996).
 * {@code ℓ'(r) = r / (1 + (r/c)²)}, {@code ℓ''(r) = (1 − (r/c)²) / (1 + (r/c)²)²}.
 */
public final class CauchyLoss implements Loss {

    private final double c;

    /** The loss with scale {@code c > 0}. */
    public CauchyLoss(double c) {
        if (!(c > 0) || Double.isInfinite(c)) {
            throw new IllegalArgumentException("c must be a positive number, got " + c);
        }
        this.c = c;
    }

    @Override
    public String name() {
        return "cauchy";
    }

    @Override
    public double value(double r) {
        double q = r / c;
        return 0.5 * c * c * Math.log1p(q * q);
    }

    @Override
    public double derivative(double r) {
        double q = r / c;
        return r / (1 + q * q);
    }

    @Override
    public double secondDerivative(double r) {
        double q2 = (r / c) * (r / c);
        return (1 - q2) / ((1 + q2) * (1 + q2));
    }
}
