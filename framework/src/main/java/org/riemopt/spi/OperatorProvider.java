package org.riemopt.spi;

import java.util.random.RandomGenerator;

import org.riemopt.problem.MeasurementOperator;

/** Provides a {@link MeasurementOperator}. */
public interface OperatorProvider extends Provider {

    /**
     * What an operator is built for: the shape of the matrices it measures (the lift's output) and the random
     * stream for generated operators.
     *
     * @param rows   rows of the measured matrices
     * @param cols   columns of the measured matrices
     * @param random the operator's own seeded random stream
     */
    record Context(int rows, int cols, RandomGenerator random) {
    }

    /**
     * Creates the operator.
     *
     * @throws IllegalArgumentException if the parameters do not fit the context (e.g. matrices of the wrong size)
     */
    MeasurementOperator create(Parameters parameters, Context context);
}
