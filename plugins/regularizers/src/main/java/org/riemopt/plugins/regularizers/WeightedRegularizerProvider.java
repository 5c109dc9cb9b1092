package org.riemopt.plugins.regularizers;

import java.util.List;

import org.riemopt.manifold.SearchSpace;
import org.riemopt.problem.Regularizer;
import org.riemopt.spi.ParameterSpec;
import org.riemopt.spi.ParameterType;
import org.riemopt.spi.Parameters;
import org.riemopt.spi.RegularizerProvider;

/**
 * What the regularizer providers share: one required weight parameter ({@code lambda} or {@code gamma}), checked to
 * be {@code ≥ 0}, and the choice of the regularizer by the {@link FactorKind} of the search space's manifold.
 */
abstract class WeightedRegularizerProvider implements RegularizerProvider {

    private final String weight;
    private final String weightDoc;

    /**
     * @param weight    the weight parameter's name
     * @param weightDoc its description
     */
    WeightedRegularizerProvider(String weight, String weightDoc) {
        this.weight = weight;
        this.weightDoc = weightDoc;
    }

    @Override
    public final List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.required(weight, ParameterType.NUMBER, weightDoc));
    }

    @Override
    public final <P, T> Regularizer<P, T> create(Parameters parameters, SearchSpace<P, T> space) {
        double w = parameters.number(weight);
        if (!(w >= 0)) {
            throw new IllegalArgumentException(weight + " must be >= 0, got " + w);
        }
        return create(w, FactorKind.of(space.manifold()), space.manifold().name());
    }

    /**
     * The regularizer with weight {@code w} for points of the given kind.
     *
     * @param manifold the manifold's name, for messages
     * @throws IllegalArgumentException if the regularizer has no meaning on that kind of point
     */
    abstract <P, T> Regularizer<P, T> create(double w, FactorKind kind, String manifold);
}
