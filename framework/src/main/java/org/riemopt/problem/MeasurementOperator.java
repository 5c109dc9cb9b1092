package org.riemopt.problem;

import java.util.function.IntToDoubleFunction;

import org.riemopt.linalg.AmbientMatrix;
import org.riemopt.linalg.DenseMatrix;

/**
 * A linear measurement operator {@code A: R^(rows x cols) → R^m}, {@code A(X)ᵢ = ⟨Aᵢ, X⟩}.
 *
 * <p>Lifts build the residual's Jacobian from {@link #factorProducts}: one pass over the operator's data per point.
 * Implementations may be dense, sparse or implicit; none needs to form {@code Aᵢ} as a dense matrix.
 */
public interface MeasurementOperator {

    /** Number of measurements {@code m}. */
    int size();

    /** Rows of the measured matrices. */
    int rows();

    /** Columns of the measured matrices. */
    int cols();

    /** {@code A(X)}; {@code x} is {@code rows x cols}. */
    double[] apply(DenseMatrix x);

    /** The adjoint {@code Aᵀw = Σ wᵢ Aᵢ}, {@code w} of length {@link #size()}. One pass over the data. */
    AmbientMatrix adjoint(double[] w);

    /**
     * For every measurement {@code i}, the products {@code Aᵢ·v} ({@code rows x r}) and {@code Aᵢᵀ·u}
     * ({@code cols x r}), in one pass over the data.
     *
     * @param u   {@code rows x r}; not modified
     * @param v   {@code cols x r}; not modified
     * @param av  written: block {@code i} (offset {@code i·rows·r}) holds {@code Aᵢ·v} column-major
     * @param atu written: block {@code i} (offset {@code i·cols·r}) holds {@code Aᵢᵀ·u} column-major
     */
    void factorProducts(DenseMatrix u, DenseMatrix v, double[] av, double[] atu);

    /**
     * {@link #factorProducts} and, with weights that depend on those products, the adjoint {@code Σ wᵢAᵢ}.
     * {@code weight.applyAsDouble(i)} is called once per measurement after blocks {@code i} of {@code av} and
     * {@code atu} are written (possibly concurrently for distinct {@code i}). A dense operator does all of it in one
     * pass over its data; this default takes two.
     *
     * @return the adjoint {@code Aᵀw}
     */
    default AmbientMatrix factorProductsAndAdjoint(DenseMatrix u, DenseMatrix v, double[] av, double[] atu,
                                                   IntToDoubleFunction weight) {
        factorProducts(u, v, av, atu);
        double[] w = new double[size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = weight.applyAsDouble(i);
        }
        return adjoint(w);
    }
}
