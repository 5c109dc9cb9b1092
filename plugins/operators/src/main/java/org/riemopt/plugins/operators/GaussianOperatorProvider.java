package org.riemopt.plugins.operators;

import java.util.List;

import org.riemopt.linalg.SymmetricPacking;
import org.riemopt.problem.DenseMeasurementOperator;
import org.riemopt.problem.MeasurementOperator;
import org.riemopt.spi.MemoryBudget;
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
        if (symmetric) {
            MemoryBudget.requireDoubles("measurements", "the operator, packed, needs 8·m·p(n) with p(n) = n(n+1)/2 "
                    + "plus the 8 x 8 diagonal blocks' lower halves", (double) m * SymmetricPacking.length(rows));
        } else {
            MemoryBudget.requireDoubles("measurements", "the operator needs 8·m·n₁n₂", (double) m * rows * cols);
        }
        double scale = 1 / Math.sqrt(m);
        return symmetric ? symmetric(m, rows, scale, context) : general(m, rows, cols, scale, context);
    }

    /** Filled in place in the operator's own array (column-major blocks), so the operator is never held twice. */
    private static MeasurementOperator general(int m, int rows, int cols, double scale, Context context) {
        int block = rows * cols;
        double[] data = new double[DenseMeasurementOperator.checkedSize(m, rows, cols)];
        for (int i = 0; i < m; i++) {
            int base = i * block;
            for (int j = 0; j < rows; j++) {
                for (int k = 0; k < cols; k++) {
                    data[base + j + k * rows] = context.random().nextGaussian() * scale;
                }
            }
        }
        return DenseMeasurementOperator.wrap(m, rows, cols, data);
    }

    /**
     * Generated straight into the packed matrices the operator keeps: {@code G_jk} above the diagonal waits in its
     * slot until {@code G_kj} is drawn (row {@code k} comes later), and the slot (with its mirror, where the packing
     * keeps both) then takes {@code (G_jk + G_kj)·(1/(2√m))}. The same numbers as symmetrizing a full {@code Gᵢ},
     * without ever holding it.
     */
    private static MeasurementOperator symmetric(int m, int n, double scale, Context context) {
        int stride = (int) SymmetricPacking.length(n);
        double[] packed = new double[DenseMeasurementOperator.checkedPackedSize(m, n)];
        double half = 0.5 * scale;
        for (int i = 0; i < m; i++) {
            int base = i * stride;
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    double g = context.random().nextGaussian();
                    int upper = base + SymmetricPacking.index(Math.min(j, k), Math.max(j, k), n);
                    if (k > j) {
                        packed[upper] = g;
                    } else {
                        double v = ((k == j ? g : packed[upper]) + g) * half;
                        packed[upper] = v;
                        packed[base + SymmetricPacking.index(j, k, n)] = v;
                    }
                }
            }
        }
        return DenseMeasurementOperator.wrapPacked(m, n, packed);
    }
}
