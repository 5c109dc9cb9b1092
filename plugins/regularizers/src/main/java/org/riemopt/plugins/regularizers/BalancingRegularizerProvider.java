package org.riemopt.plugins.regularizers;

import org.riemopt.problem.Regularizer;

/** Spec name {@code balancing}: the {@link BalancingRegularizer} {@code γ‖UᵀU − VᵀV‖²_F}, on the factor space only. */
public final class BalancingRegularizerProvider extends WeightedRegularizerProvider {

    /** Registered through {@code META-INF/services}. */
    public BalancingRegularizerProvider() {
        super("gamma", "the weight gamma >= 0 of the balancing term");
    }

    @Override
    public String name() {
        return "balancing";
    }

    @Override
    public String description() {
        return "balancing gamma ||U^T U - V^T V||_F^2 on the factor space (U, V)";
    }

    /** The kind {@link FactorKind#PAIR} means {@code P = T = Tuple}, the type the balancing term acts on. */
    @Override
    @SuppressWarnings("unchecked")
    <P, T> Regularizer<P, T> create(double gamma, FactorKind kind, String manifold) {
        if (kind != FactorKind.PAIR) {
            throw new IllegalArgumentException("balancing acts on the factor pair (U, V) of the factor space (manifold "
                    + "type 'factors'); " + manifold + " has no pair of factors to balance");
        }
        return (Regularizer<P, T>) (Regularizer<?, ?>) new BalancingRegularizer(gamma);
    }
}
