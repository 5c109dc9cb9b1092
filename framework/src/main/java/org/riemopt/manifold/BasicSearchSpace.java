package org.riemopt.manifold;

import java.util.Map;

import org.riemopt.problem.Lift;

/**
 * The part of a {@link SearchSpace} every manifold provider fills in the same way: the manifold, its lifts by spec
 * name, the default lift and the search rank. A provider subclasses it and says only how points are read and
 * written ({@link #pointFromMatrix}, {@link #pointArrays}, and {@link #pointFromFactors} where the default does not
 * fit).
 *
 * @param <P> point type
 * @param <T> tangent vector type
 */
public abstract class BasicSearchSpace<P, T> implements SearchSpace<P, T> {

    private final Manifold<P, T> manifold;
    private final Map<String, Lift<P, T>> lifts;
    private final String defaultLift;
    private final int searchRank;

    /**
     * @param lifts       the lifts by spec name, in a stable order (kept, not copied)
     * @param defaultLift the name of the lift used when a spec names none; one of {@code lifts}
     * @param searchRank  the number of columns of the point's factors
     */
    protected BasicSearchSpace(Manifold<P, T> manifold, Map<String, Lift<P, T>> lifts, String defaultLift,
                               int searchRank) {
        if (!lifts.containsKey(defaultLift)) {
            throw new IllegalArgumentException("the default lift '" + defaultLift + "' is not among " + lifts.keySet());
        }
        this.manifold = manifold;
        this.lifts = lifts;
        this.defaultLift = defaultLift;
        this.searchRank = searchRank;
    }

    @Override
    public final Manifold<P, T> manifold() {
        return manifold;
    }

    @Override
    public final Map<String, Lift<P, T>> lifts() {
        return lifts;
    }

    @Override
    public final String defaultLift() {
        return defaultLift;
    }

    @Override
    public final int searchRank() {
        return searchRank;
    }
}
