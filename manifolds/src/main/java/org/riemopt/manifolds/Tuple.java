package org.riemopt.manifolds;

import java.util.List;

/**
 * An immutable tuple of components: a point or a tangent vector of a {@link ProductManifold}, one component per
 * factor, in factor order. Equal when the components are, pairwise.
 *
 * @param components the components; unmodifiable, no {@code null}s
 */
public record Tuple(List<Object> components) {

    /** Copies the components into an unmodifiable list. */
    public Tuple {
        components = List.copyOf(components);
    }

    /** The tuple of {@code components}, in order. */
    public static Tuple of(Object... components) {
        return new Tuple(List.of(components));
    }

    /** The number of components. */
    public int size() {
        return components.size();
    }

    /**
     * Component {@code i}, as the type the caller expects. The cast is unchecked: the caller knows the factor's point
     * or tangent type, and a wrong guess fails with a {@link ClassCastException} where the value is used.
     */
    @SuppressWarnings("unchecked")
    public <X> X get(int i) {
        return (X) components.get(i);
    }
}
