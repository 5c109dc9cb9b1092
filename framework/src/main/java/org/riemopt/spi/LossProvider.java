package org.riemopt.spi;

import org.riemopt.problem.Loss;

/** Provides a {@link Loss}. */
public interface LossProvider extends Provider {

    /** Creates the loss from validated parameters. */
    Loss create(Parameters parameters);
}
