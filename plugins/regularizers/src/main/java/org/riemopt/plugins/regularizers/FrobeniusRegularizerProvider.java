package org.riemopt.plugins.regularizers;

import org.riemopt.problem.Regularizer;

/**
 * Spec name {@code frobenius}: the ridge (Tikhonov) penalty {@code (λ/2)‖X‖²_F} on a point of a Euclidean space,
 * the point itself: a matrix of {@code euclidean}, or the pair of the factor space, where it is
 * {@code (λ/2)(‖U‖²_F + ‖V‖²_F)}. Refused on the other manifolds, whose points are not vectors of a Euclidean space
 * (a quotient of factors, fixed-rank matrices).
 */
public final class FrobeniusRegularizerProvider extends WeightedRegularizerProvider {

    /** Registered through {@code META-INF/services}. */
    public FrobeniusRegularizerProvider() {
        super("lambda", "the weight lambda >= 0 of (lambda/2) ||X||_F^2");
    }

    @Override
    public String name() {
        return "frobenius";
    }

    @Override
    public String description() {
        return "ridge penalty (lambda/2) ||X||_F^2 on a Euclidean point (euclidean, factors)";
    }

    @Override
    <P, T> Regularizer<P, T> create(double lambda, FactorKind kind, String manifold) {
        return switch (kind) {
            case PAIR, EUCLIDEAN -> new ScaledSquaredNorm<>(lambda / 2);
            case PSD, OTHER -> throw new IllegalArgumentException("frobenius acts on points of a Euclidean space "
                    + "(manifold types 'euclidean' and 'factors'), and " + manifold + " is not one; on "
                    + "psd-fixed-rank use nuclear (lambda ||Y||^2)");
        };
    }
}
