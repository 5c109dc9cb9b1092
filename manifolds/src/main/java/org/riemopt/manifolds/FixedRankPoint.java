package org.riemopt.manifolds;

import org.riemopt.linalg.DenseMatrix;

/**
 * A rank-{@code r} matrix {@code X = U S Vᵀ}: {@code U} (m x r) and {@code V} (n x r) with orthonormal columns,
 * {@code S} (r x r) invertible. Storage is {@code O((m + n)·r)}.
 *
 * @param u left factor
 * @param s core
 * @param v right factor
 */
public record FixedRankPoint(DenseMatrix u, DenseMatrix s, DenseMatrix v) {

    /** {@code U S Vᵀ} as a dense matrix; for small problems and reporting. */
    public DenseMatrix toMatrix() {
        return u.times(s).timesTranspose(v);
    }
}
