package org.riemopt.spi;

import org.riemopt.manifold.SearchSpace;
import org.riemopt.problem.Regularizer;

/** Provides a {@link Regularizer} for a search space. */
public interface RegularizerProvider extends Provider {

    /**
     * Creates the regularizer for points of {@code space}.
     *
     * @throws IllegalArgumentException if the regularizer does not apply to this kind of manifold
     */
    <P, T> Regularizer<P, T> create(Parameters parameters, SearchSpace<P, T> space);
}
