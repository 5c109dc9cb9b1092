package org.riemopt.spi;

/** The plugin families, each with its provider interface. */
public enum Family {
    /** Losses {@code ℓ}. */
    LOSS("loss", LossProvider.class),
    /** Regularizers {@code R(x)}. */
    REGULARIZER("regularizer", RegularizerProvider.class),
    /** Solvers. */
    SOLVER("solver", SolverProvider.class),
    /** Measurement operators {@code A}. */
    OPERATOR("operator", OperatorProvider.class),
    /** Manifolds. */
    MANIFOLD("manifold", ManifoldProvider.class);

    private final String label;
    private final Class<? extends Provider> providerType;

    Family(String label, Class<? extends Provider> providerType) {
        this.label = label;
        this.providerType = providerType;
    }

    /** The family's name in specs, messages and {@code riemopt plugins}. */
    public String label() {
        return label;
    }

    /** The provider interface plugins implement. */
    public Class<? extends Provider> providerType() {
        return providerType;
    }
}
