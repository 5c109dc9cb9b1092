package org.riemopt.problem;

/**
 * An {@link Objective} that is a sum of terms, {@code f(x) = Σᵢ fᵢ(x) + R(x)} over {@code i ∈ [0, terms())}, whose
 * gradient a stochastic method asks for one batch of terms at a time (Robbins and Monro, "A stochastic approximation
 * method", 1951; Bottou, Curtis, Nocedal, "Optimization methods for large-scale machine learning", SIAM Review 2018,
 * section 3). For a measurement {@link Problem} the terms are the measurements, {@code fᵢ(x) = ℓ(A(φ(x))ᵢ − bᵢ)}.
 *
 * <p>A term-free part {@code R} (the regularizers) is spread evenly over the terms: a batch carries
 * {@code |batch|/terms()} of it, so that the batch gradients of an epoch (batches that together take every term
 * once) sum to the full gradient.
 *
 * @param <P> point type
 * @param <T> tangent vector type
 */
public interface StochasticObjective<P, T> extends Objective<P, T> {

    /** The number of separable terms (for a {@link Problem}, the number of measurements). */
    int terms();

    /**
     * The Riemannian gradient at {@code x} of {@code Σ_{i∈batch} fᵢ + (|batch|/terms())·R}. It costs work in
     * proportion to the batch, not a pass over all terms, and does not disturb the objective's per-point cache.
     *
     * @param batch term indices in {@code [0, terms())}, at least one, in any order; an index given twice counts
     *              twice (sampling with replacement); not modified
     * @throws IllegalArgumentException if the batch is empty or an index is out of range
     */
    T batchGradient(P x, int[] batch);
}
