package org.riemopt.problem;

/**
 * A separable loss {@code L(res) = Σᵢ ℓ(resᵢ)} given by {@code ℓ, ℓ', ℓ''}.
 *
 * <p>Implementations must be pure functions without mutable state: {@code derivative} is called concurrently
 * from several threads when a large operator is applied in parallel.
 */
public interface Loss {

    /** The name under which the loss is registered, e.g. {@code "l2"}. */
    String name();

    /** {@code ℓ(r)}. */
    double value(double r);

    /** {@code ℓ'(r)}. */
    double derivative(double r);

    /** {@code ℓ''(r)}; only meaningful when {@link #isTwiceDifferentiable()}. */
    double secondDerivative(double r);

    /**
     * Whether {@code ℓ} is twice continuously differentiable; Hessian-based solvers refuse a loss that is not.
     */
    default boolean isTwiceDifferentiable() {
        return true;
    }

    /** {@code Σᵢ ℓ(resᵢ)}. */
    default double sum(double[] residual) {
        double s = 0;
        for (double r : residual) {
            s += value(r);
        }
        return s;
    }
}
