package org.riemopt.problem;

import java.util.Optional;

import org.riemopt.linalg.AmbientMatrix;
import org.riemopt.linalg.DenseMatrix;

/**
 * A linear measurement operator {@code A: R^(rows x cols) → R^m}, {@code A(X)ᵢ = ⟨Aᵢ, X⟩}.
 *
 * <p>Implementations may be dense, sparse or implicit; none needs to form {@code Aᵢ} as a dense matrix, and the
 * per-point Jacobian ({@link #linearize}) is kept in whatever form suits the operator's structure.
 */
public interface MeasurementOperator {

    /** Number of measurements {@code m}. */
    int size();

    /** Rows of the measured matrices. */
    int rows();

    /** Columns of the measured matrices. */
    int cols();

    /**
     * The bytes of the operator's own data, which a pass over it reads: the measure of its memory and of the
     * bandwidth {@code riemopt bench} reports.
     */
    long dataBytes();

    /**
     * The numbers (8 bytes each) that {@link #linearize} keeps for the Jacobian at factors of {@code rank} columns,
     * at least: the spec loader counts them before a run starts ({@link org.riemopt.spi.MemoryBudget}). The default,
     * two per measurement and factor column, fits a Jacobian that keeps a factor row or two per measurement
     * (completion, phase retrieval); an operator that keeps more says so.
     */
    default double jacobianNumbers(int rank) {
        return 2.0 * size() * rank;
    }

    /** {@code A(X)}; {@code x} is {@code rows x cols}, dense or factored. Not modified. */
    double[] apply(AmbientMatrix x);

    /** The adjoint {@code Aᵀw = Σ wᵢ Aᵢ}, {@code w} of length {@link #size()}; not modified. */
    AmbientMatrix adjoint(double[] w);

    /**
     * Linearizes {@code A} at a factored point (see {@link FactorJacobian}): the values {@code A(P Vᵀ)}, the weights
     * {@code wᵢ = weight.weight(i, A(P Vᵀ)ᵢ)} and the adjoint {@code Aᵀw}, with what the Jacobian needs cached. A
     * dense operator does all of this in one pass over its data. {@code weight} may be called concurrently for
     * distinct {@code i}.
     *
     * @param u {@code rows x r}; not modified
     * @param v {@code cols x r}; not modified
     * @param p {@code rows x r}; not modified (may be the same object as {@code u})
     * @throws IllegalArgumentException if the factors have the wrong shapes
     */
    FactorJacobian linearize(DenseMatrix u, DenseMatrix v, DenseMatrix p, ResidualWeight weight);

    /**
     * The operator restricted to some of its measurements: {@code select(S)(X)ₖ = A(X)_{S[k]}}, the rows
     * {@code S[0] < S[1] < …} of {@code A} in that order. It costs what those rows cost to copy or describe
     * ({@code O(|S|·rows·cols)} for a dense operator, {@code O(|S|)} for completion), never a pass over all
     * measurements, so that the gradient of a batch of measurements ({@link StochasticObjective#batchGradient}) is
     * {@code O(|S|)} work. Strictly increasing indices keep every implementation simple (a completion pattern stays in
     * row-major order); a caller with a batch in another order, or with repeats, sorts it and weights the repeats.
     *
     * @param measurements strictly increasing indices in {@code [0, size())}, at least one; not modified
     * @throws IllegalArgumentException if the indices are empty, out of range or not strictly increasing (see
     *                                  {@link #requireSelection})
     */
    MeasurementOperator select(int[] measurements);

    /** Checks the indices given to {@link #select}: at least one, in range, strictly increasing. */
    default void requireSelection(int[] measurements) {
        if (measurements.length == 0) {
            throw new IllegalArgumentException("select: at least one measurement is needed");
        }
        for (int k = 0; k < measurements.length; k++) {
            int i = measurements[k];
            if (i < 0 || i >= size()) {
                throw new IllegalArgumentException("select: measurement " + i + " (position " + k + ") is not in [0, "
                        + size() + ")");
            }
            if (k > 0 && i <= measurements[k - 1]) {
                throw new IllegalArgumentException("select: measurement " + i + " (position " + k + ") comes after "
                        + measurements[k - 1] + "; indices must be strictly increasing");
            }
        }
    }

    /**
     * The measurements {@code b} that come with the operator itself (the values of observed entries read with a
     * completion instance), or empty when {@code b} is measured from a truth or given in the spec.
     */
    default Optional<double[]> ownMeasurements() {
        return Optional.empty();
    }

    /** Checks the shapes of the factors given to {@link #linearize}. */
    default void requireFactors(DenseMatrix u, DenseMatrix v, DenseMatrix p) {
        int r = u.cols();
        if (u.rows() != rows() || v.rows() != cols() || p.rows() != rows() || v.cols() != r || p.cols() != r) {
            throw new IllegalArgumentException("linearize: factors " + u.rows() + "x" + u.cols() + ", " + v.rows()
                    + "x" + v.cols() + ", " + p.rows() + "x" + p.cols() + " do not fit an operator on " + rows() + "x"
                    + cols() + " matrices (expected " + rows() + "xr, " + cols() + "xr, " + rows() + "xr)");
        }
    }
}
