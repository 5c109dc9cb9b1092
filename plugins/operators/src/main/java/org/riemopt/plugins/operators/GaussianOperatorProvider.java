package org.riemopt.plugins.operators;

import java.util.ArrayList;
import java.util.List;

import org.riemopt.linalg.DenseMatrix;
import org.riemopt.problem.DenseMeasurementOperator;
import org.riemopt.problem.MeasurementOperator;
import org.riemopt.spi.OperatorProvider;
import org.riemopt.spi.ParameterSpec;
import org.riemopt.spi.ParameterType;
import org.riemopt.spi.Parameters;

/**
 * Spec name {@code gaussian}: {@code m} matrices {@code Aᵢ = Gᵢ/√m} with {@code Gᵢ} iid standard normal, so that
 * {@code E‖A(M)‖² = ‖M‖²}; with {@code symmetric: true}, {@code Aᵢ = (Gᵢ + Gᵢᵀ)/(2√m)}, which keeps that identity
 * for symmetric {@code M}. Entries of each {@code Gᵢ} are drawn row by row from the spec's operator stream.
 */
public final class GaussianOperatorProvider implements OperatorProvider {

    @Override
    public String name() {
        return "gaussian";
    }

    @Override
    public String description() {
        return "dense Gaussian sensing, iid N(0, 1/m) entries (symmetric: (G + G^T)/(2 sqrt m))";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.required("measurements", ParameterType.INTEGER, "the number m of measurements"),
                ParameterSpec.optional("symmetric", ParameterType.BOOLEAN, false,
                        "symmetrize each matrix, for PSD recovery through XX^T"));
    }

    @Override
    public MeasurementOperator create(Parameters parameters, Context context) {
        int m = parameters.integer("measurements");
        boolean symmetric = parameters.bool("symmetric");
        if (m < 1) {
            throw new IllegalArgumentException("measurements must be positive, got " + m);
        }
        if (symmetric && context.rows() != context.cols()) {
            throw new IllegalArgumentException("symmetric sensing needs square matrices but the lift produces "
                    + context.rows() + "x" + context.cols() + " matrices");
        }
        int rows = context.rows();
        int cols = context.cols();
        double scale = 1 / Math.sqrt(m);
        List<DenseMatrix> matrices = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            double[][] g = new double[rows][cols];
            for (int j = 0; j < rows; j++) {
                for (int k = 0; k < cols; k++) {
                    g[j][k] = context.random().nextGaussian();
                }
            }
            DenseMatrix a = DenseMatrix.ofRows(g);
            matrices.add(symmetric ? a.plus(a.transpose()).scale(0.5 * scale) : a.scale(scale));
        }
        return DenseMeasurementOperator.of(matrices);
    }
}
