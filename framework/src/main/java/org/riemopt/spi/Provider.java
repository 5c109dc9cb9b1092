package org.riemopt.spi;

import java.util.List;

/**
 * What every plugin provider has: a name by which specs select it, a one-line description, and the parameters it
 * accepts. The family interfaces add {@code create}.
 */
public interface Provider {

    /** The name used in specs, e.g. {@code "l2"}; lower case with dashes. */
    String name();

    /** One line for {@code riemopt plugins}. */
    String description();

    /** The parameters {@code create} accepts, besides {@code type}. */
    List<ParameterSpec> parameters();
}
