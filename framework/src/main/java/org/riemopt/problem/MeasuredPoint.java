package org.riemopt.problem;

import java.util.function.Function;

import org.riemopt.linalg.AmbientMatrix;

/**
 * What every {@link FactorJacobian} keeps the same way: the values measured at the point, the weights computed from
 * them, and the adjoint of those weights, formed once with the linearization and handed out again whenever the
 * very weights array is asked for (any other weights go to the operator's own adjoint). Operators extend it with
 * their Jacobian cache and its pushes and pullbacks.
 *
 * @param <G> the form of the operator's adjoint (dense, sparse or implicit)
 */
public abstract class MeasuredPoint<G extends AmbientMatrix> implements FactorJacobian {

    private final double[] values;
    private final double[] weights;
    private final G adjointOfWeights;
    private final Function<double[], G> adjoint;

    /**
     * @param values           {@code A(P Vᵀ)}; kept, not copied
     * @param weights          the weights of the values; kept, not copied
     * @param adjointOfWeights {@code Aᵀ weights}
     * @param adjoint          the operator's adjoint, for other weights
     */
    protected MeasuredPoint(double[] values, double[] weights, G adjointOfWeights, Function<double[], G> adjoint) {
        this.values = values;
        this.weights = weights;
        this.adjointOfWeights = adjointOfWeights;
        this.adjoint = adjoint;
    }

    @Override
    public final double[] values() {
        return values;
    }

    @Override
    public final double[] weights() {
        return weights;
    }

    @Override
    public final G adjoint(double[] w) {
        return w == weights ? adjointOfWeights : adjoint.apply(w);
    }
}
