package org.riemopt.plugins.operators;

import java.util.List;

import org.riemopt.linalg.DenseMatrix;
import org.riemopt.problem.DenseMeasurementOperator;
import org.riemopt.problem.MeasurementOperator;
import org.riemopt.spi.OperatorProvider;
import org.riemopt.spi.ParameterSpec;
import org.riemopt.spi.ParameterType;
import org.riemopt.spi.Parameters;

/** Spec name {@code explicit}: {@code A(X)ᵢ = ⟨Aᵢ, X⟩} with the matrices {@code Aᵢ} listed in the spec. */
public final class ExplicitOperatorProvider implements OperatorProvider {

    @Override
    public String name() {
        return "explicit";
    }

    @Override
    public String description() {
        return "dense sensing with the measurement matrices A_i given in the spec";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.required("matrices", ParameterType.MATRIX_LIST,
                "the measurement matrices A_i, each the size of the lifted matrix, as lists of rows"));
    }

    @Override
    public MeasurementOperator create(Parameters parameters, Context context) {
        List<DenseMatrix> matrices = parameters.matrices("matrices");
        for (int i = 0; i < matrices.size(); i++) {
            DenseMatrix a = matrices.get(i);
            if (a.rows() != context.rows() || a.cols() != context.cols()) {
                throw new IllegalArgumentException("matrices[" + i + "] is " + a.rows() + "x" + a.cols()
                        + " but the lift produces " + context.rows() + "x" + context.cols()
                        + " matrices; every measurement matrix must be " + context.rows() + "x" + context.cols());
            }
        }
        return DenseMeasurementOperator.of(matrices);
    }
}
