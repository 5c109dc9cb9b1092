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
