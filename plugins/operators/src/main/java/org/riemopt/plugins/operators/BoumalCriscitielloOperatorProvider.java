package org.riemopt.plugins.operators;

import java.util.List;

import org.riemopt.problem.MeasurementOperator;
import org.riemopt.spi.OperatorProvider;
import org.riemopt.spi.ParameterSpec;
import org.riemopt.spi.Parameters;

/**
 * Spec name {@code boumal-criscitiello}: the {@code 2 x 2} counterexample of Boumal and Criscitiello (2023), "Benign
 * landscape of low-rank approximation: Part II" ({@link CounterexampleOperator#boumalCriscitiello2x2}), with its truth
 * {@code Z = e₁e₁ᵀ} and its strict spurious local minimum {@code X = diag(0, 1/2)} over rank-1 matrices. No
 * parameters; the lift must produce {@code 2 x 2} matrices.
 */
public final class BoumalCriscitielloOperatorProvider implements OperatorProvider {

    @Override
    public String name() {
        return "boumal-criscitiello";
    }

    @Override
    public String description() {
        return "2 x 2 quadratic with condition number 4 and a spurious rank-1 local minimum (Boumal & Criscitiello "
                + "2023)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of();
    }

    @Override
    public MeasurementOperator create(Parameters parameters, Context context) {
        if (context.rows() != 2 || context.cols() != 2) {
            throw new IllegalArgumentException("boumal-criscitiello measures 2 x 2 matrices, but the lift produces "
                    + context.rows() + " x " + context.cols() + " matrices");
        }
        return CounterexampleOperator.boumalCriscitiello2x2();
    }
}
