package org.riemopt.plugins.operators;

import java.util.List;

import org.riemopt.linalg.DenseMatrix;
import org.riemopt.problem.MeasurementOperator;
import org.riemopt.spi.MemoryBudget;
import org.riemopt.spi.OperatorProvider;
import org.riemopt.spi.ParameterSpec;
import org.riemopt.spi.ParameterType;
import org.riemopt.spi.Parameters;

/**
 * Spec name {@code phase-retrieval}: a {@link PhaseRetrievalOperator} on the lift's {@code n x n} matrices, from
 * exactly one of {@code measurements} ({@code m} vectors {@code aᵢ ~ N(0, I_n)/m^{1/4}}, drawn row by row from the
 * operator's stream) or {@code vectors} (an {@code m x n} matrix whose rows are the {@code aᵢ}, used as given).
 *
 * <p>The scale {@code m^{-1/4}} makes each {@code A(M)ᵢ = aᵢᵀMaᵢ} carry a factor {@code 1/√m}, so that for symmetric
 * {@code M}, {@code E Σᵢ A(M)ᵢ² = 2‖M‖²_F + (tr M)²} whatever {@code m} (for {@code g ~ N(0, I)},
 * {@code E (gᵀMg)² = 2‖M‖²_F + (tr M)²}): the analogue of {@code gaussian}'s {@code E‖A(M)‖² = ‖M‖²}.
 */
public final class PhaseRetrievalOperatorProvider implements OperatorProvider {

    @Override
    public String name() {
        return "phase-retrieval";
    }

    @Override
    public String description() {
        return "phase retrieval lifted to X X^T: A(M)_i = a_i^T M a_i, a_i ~ N(0, I)/m^(1/4) or given";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.optional("measurements", ParameterType.INTEGER,
                        "the number m of Gaussian vectors a_i ~ N(0, I_n)/m^(1/4)"),
                ParameterSpec.optional("vectors", ParameterType.MATRIX,
                        "the vectors a_i as the rows of an m x n matrix, used as given"));
    }

    @Override
    public MeasurementOperator create(Parameters parameters, Context context) {
        if (parameters.has("measurements") == parameters.has("vectors")) {
            throw new IllegalArgumentException("phase-retrieval needs exactly one of the keys measurements, vectors"
                    + (parameters.has("vectors") ? "; got both" : "; none was given"));
        }
        int n = context.rows();
        if (context.cols() != n) {
            throw new IllegalArgumentException("phase retrieval measures n x n matrices through X X^T, but the lift "
                    + "produces " + context.rows() + " x " + context.cols() + " matrices");
        }
        if (parameters.has("vectors")) {
            DenseMatrix vectors = parameters.matrix("vectors");
            if (vectors.cols() != n) {
                throw new IllegalArgumentException("key 'vectors': rows have length " + vectors.cols() + " but the "
                        + "lift produces " + n + " x " + n + " matrices; each a_i must have " + n + " entries");
            }
            // The operator keeps its own (transposed) copy of the vectors.
            MemoryBudget.requireDoubles("vectors", "the operator's copy of the vectors needs 8·m·n",
                    (double) vectors.rows() * n);
            return PhaseRetrievalOperator.of(vectors);
        }
        int m = parameters.integer("measurements");
        if (m < 1) {
            throw new IllegalArgumentException("key 'measurements': got " + m + "; allowed: a positive integer");
        }
        MemoryBudget.requireDoubles("measurements", "the operator needs 8·m·n", (double) m * n);
        double scale = Math.pow(m, -0.25);
        double[] a = new double[m * n];
        for (int k = 0; k < a.length; k++) {
            a[k] = scale * context.random().nextGaussian();
        }
        return PhaseRetrievalOperator.wrap(m, n, a);
    }
}
