package org.riemopt.problem;

import java.util.Optional;

import org.riemopt.manifold.Manifold;

/**
 * What a solver minimizes: a cost on a manifold with its Riemannian gradient and Hessian-vector products (Manopt's
 * {@code problem} structure). The measurement-composed {@link Problem} is one implementation, a user's own smooth
 * cost ({@link SmoothCost}) another; every solver and derivative check works on this interface alone. A cost that is
 * a sum of terms is a {@link StochasticObjective}, which adds the gradient of a batch of terms for stochastic
 * methods.
 *
 * <p>Implementations may cache per point (keyed by identity, as {@link Problem} does); a solver asks for the cost,
 * gradient and Hessian at the same point object as often as it needs.
 *
 * @param <P> point type
 * @param <T> tangent vector type
 */
public interface Objective<P, T> {

    /** The manifold the cost is defined on. */
    Manifold<P, T> manifold();

    /** The cost {@code f(x)}. */
    double cost(P x);

    /** The Riemannian gradient at {@code x} (a Clarke subgradient where {@code f} is not differentiable). */
    T gradient(P x);

    /** The Riemannian Hessian at {@code x} applied to the tangent vector {@code u}. */
    T hessian(P x, T u);

    /**
     * Why Hessian-based methods cannot use this cost (e.g. a loss that is not twice differentiable, with what to use
     * instead), or empty when {@link #hessian} is the Hessian of a twice continuously differentiable cost.
     */
    default Optional<String> hessianUnavailable() {
        return Optional.empty();
    }
}
