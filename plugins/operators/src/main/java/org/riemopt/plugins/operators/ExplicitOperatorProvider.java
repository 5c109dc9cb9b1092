package org.riemopt.plugins.operators;

import java.nio.file.Path;
import java.util.List;

import org.riemopt.io.ArrayFile;
import org.riemopt.io.DataFileException;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.problem.DenseMeasurementOperator;
import org.riemopt.problem.MeasurementOperator;
import org.riemopt.spi.MemoryBudget;
import org.riemopt.spi.OperatorProvider;
import org.riemopt.spi.ParameterSpec;
import org.riemopt.spi.ParameterType;
import org.riemopt.spi.Parameters;

/**
 * Spec name {@code explicit}: {@code A(X)ᵢ = ⟨Aᵢ, X⟩} with the matrices {@code Aᵢ} listed in the spec, or read from a
 * file holding the {@code m x (rows·cols)} matrix that acts on {@code vec(X)} in column-major order (the convention
 * of Manopt and numpy's {@code order='F'}). A C-order {@code .npy} file is read straight into the operator's array,
 * at file speed and without a second copy.
 */
public final class ExplicitOperatorProvider implements OperatorProvider {

    @Override
    public String name() {
        return "explicit";
    }

    @Override
    public String description() {
        return "dense sensing with the measurement matrices A_i given in the spec or as an m x (rows*cols) file";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.optional("matrices", ParameterType.MATRIX_LIST,
                        "the measurement matrices A_i, each the size of the lifted matrix, as lists of rows"),
                ParameterSpec.optional("file", ParameterType.FILE, "a .npy or MatrixMarket file with the "
                        + "m x (rows*cols) matrix acting on vec(X), column-major; instead of 'matrices'"));
    }

    @Override
    public MeasurementOperator create(Parameters parameters, Context context) {
        if (parameters.has("matrices") == parameters.has("file")) {
            throw new IllegalArgumentException("give exactly one of 'matrices' (inline) and 'file' (a .npy or .mtx "
                    + "file)");
        }
        return parameters.has("file") ? fromFile(parameters.path("file"), context)
                : fromMatrices(parameters.matrices("matrices"), context);
    }

    private static MeasurementOperator fromMatrices(List<DenseMatrix> matrices, Context context) {
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

    private static MeasurementOperator fromFile(Path path, Context context) {
        ArrayFile file = ArrayFile.open(path);
        long width = (long) context.rows() * context.cols();
        if (file.isSparse() || file.cols() != width) {
            throw new DataFileException(path, "holds a " + (file.isSparse() ? "sparse " : "") + file.rows() + "x"
                    + file.cols() + " array; the operator on " + context.rows() + "x" + context.cols()
                    + " matrices is a dense m x " + width + " matrix acting on vec(X), column-major");
        }
        MemoryBudget.requireDoubles("file", "the operator in " + path + " needs 8·m·n₁n₂",
                (double) file.rows() * width);
        double[] data = new double[DenseMeasurementOperator.checkedSize(file.rows(), context.rows(), context.cols())];
        file.readRowMajor(data, 0);
        return DenseMeasurementOperator.wrap(file.rows(), context.rows(), context.cols(), data);
    }
}
