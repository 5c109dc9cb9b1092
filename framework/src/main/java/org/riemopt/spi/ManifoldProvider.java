package org.riemopt.spi;

import org.riemopt.manifold.SearchSpace;

/** Provides a manifold, with its lifts, as a {@link SearchSpace}. */
public interface ManifoldProvider extends Provider {

    /**
     * Creates the search space.
     *
     * @throws IllegalArgumentException if the sizes are inconsistent (e.g. rank larger than the dimensions)
     */
    SearchSpace<?, ?> create(Parameters parameters);
}
