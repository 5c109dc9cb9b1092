package org.riemopt.problem;

/**
 * The weight {@code wᵢ} of measurement {@code i} as a function of its measured value {@code A(φ(x))ᵢ}: for a loss,
 * {@code wᵢ = ℓ'(A(φ(x))ᵢ − bᵢ)}, whose adjoint {@code G = Σ wᵢAᵢ} the gradient and Hessian need. A lift evaluates it
 * as soon as a measurement's value is known, so that a dense operator can add {@code wᵢAᵢ} to {@code G} while
 * {@code Aᵢ} is still in cache. Called concurrently for distinct {@code i}: it must not keep state.
 */
@FunctionalInterface
public interface ResidualWeight {

    /** {@code wᵢ} for the measured value {@code value} of measurement {@code i}. */
    double weight(int i, double value);
}
