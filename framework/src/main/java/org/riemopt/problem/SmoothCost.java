package org.riemopt.problem;

import org.riemopt.linalg.AmbientMatrix;
import org.riemopt.manifold.Manifold;

/**
 * A user's own smooth cost, given by its value, Euclidean gradient and Euclidean Hessian-vector product on the
 * manifold's ambient space, and turned into an {@link Objective} by the manifold ({@code egradToRgrad},
 * {@code ehessToRhess}), as Manopt does for a problem with {@code egrad} and {@code ehess}. The value and the Euclidean
 * gradient of the most recent point are kept, so that a solver's repeated requests at one point cost one evaluation.
 *
 * <p>Not thread-safe: one solver run uses one cost.
 *
 * @param <P> point type
 * @param <T> tangent vector type
 */
public final class SmoothCost<P, T> implements Objective<P, T> {

    /**
     * A cost's Euclidean parts at a point of the manifold, in its ambient space.
     *
     * @param <P> point type
     * @param <T> tangent vector type
     */
    public interface Function<P, T> {

        /** {@code f(x)}. */
        double value(P x);

        /** The Euclidean gradient of {@code f}'s smooth extension at {@code x}. */
        AmbientMatrix gradient(P x);

        /** The Euclidean Hessian of {@code f}'s smooth extension at {@code x} applied to {@code u}. */
        AmbientMatrix hessian(P x, T u);
    }

    private final Manifold<P, T> manifold;
    private final Function<P, T> function;
    private P point;
    private double value;
    private AmbientMatrix euclideanGradient;
    private T gradient;

    /** The cost {@code function} on {@code manifold}. */
    public SmoothCost(Manifold<P, T> manifold, Function<P, T> function) {
        this.manifold = manifold;
        this.function = function;
    }

    @Override
    public Manifold<P, T> manifold() {
        return manifold;
    }

    @Override
    public double cost(P x) {
        at(x);
        return value;
    }

    @Override
    public T gradient(P x) {
        at(x);
        if (gradient == null) {
            gradient = manifold.egradToRgrad(x, euclideanGradient());
        }
        return gradient;
    }

    @Override
    public T hessian(P x, T u) {
        at(x);
        return manifold.ehessToRhess(x, euclideanGradient(), function.hessian(x, u), u);
    }

    private void at(P x) {
        if (x != point) {
            point = x;
            value = function.value(x);
            euclideanGradient = null;
            gradient = null;
        }
    }

    private AmbientMatrix euclideanGradient() {
        if (euclideanGradient == null) {
            euclideanGradient = function.gradient(point);
        }
        return euclideanGradient;
    }
}
