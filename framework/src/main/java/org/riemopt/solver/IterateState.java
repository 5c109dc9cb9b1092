package org.riemopt.solver;

import org.riemopt.manifold.Manifold;
import org.riemopt.problem.Objective;

/**
 * The part of a solver's state every method has: the current iterate with its cost, Riemannian gradient and
 * gradient norm, always updated together by {@link #moveTo}.
 *
 * @param <P> point type
 * @param <T> tangent vector type
 */
public abstract class IterateState<P, T> implements SolverState<P> {

    /** The problem being solved. */
    protected final Objective<P, T> problem;
    /** Its manifold. */
    protected final Manifold<P, T> manifold;
    private P point;
    private double cost;
    private T gradient;
    private double gradientNorm;

    /** Starts at {@code start}, evaluating cost and gradient there. */
    protected IterateState(Objective<P, T> problem, P start) {
        this.problem = problem;
        this.manifold = problem.manifold();
        moveTo(start, problem.cost(start));
    }

    /** Makes {@code next}, whose cost is already known, the current iterate and computes its gradient. */
    protected final void moveTo(P next, double nextCost) {
        point = next;
        cost = nextCost;
        gradient = problem.gradient(next);
        gradientNorm = manifold.norm(next, gradient);
    }

    @Override
    public final P point() {
        return point;
    }

    @Override
    public final double cost() {
        return cost;
    }

    @Override
    public final double gradientNorm() {
        return gradientNorm;
    }

    /** The Riemannian gradient at the current iterate. */
    protected final T gradient() {
        return gradient;
    }
}
