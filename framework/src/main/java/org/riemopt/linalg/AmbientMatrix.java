package org.riemopt.linalg;

/**
 * A matrix of a manifold's ambient space that is known through its products, never necessarily stored: the
 * Euclidean gradient {@code G = Aᵀ ℓ'(res)} of a sensing cost, a sparse completion gradient, an implicit sum of
 * rank-one terms. A fixed-rank manifold only ever asks for {@code G·V} and {@code Gᵀ·U} with thin {@code U, V}, so
 * an {@code m x n} matrix is never formed for it.
 *
 * <p>{@link DenseMatrix} is the plain, stored implementation.
 */
public interface AmbientMatrix {

    /** Number of rows. */
    int rows();

    /** Number of columns. */
    int cols();

    /** Returns {@code this · v}; {@code v} has {@link #cols()} rows. Not modified. */
    DenseMatrix times(DenseMatrix v);

    /** Returns {@code thisᵀ · u}; {@code u} has {@link #rows()} rows. Not modified. */
    DenseMatrix transposeTimes(DenseMatrix u);

    /** The matrix as a dense array; for small problems, diagnostics and tests. */
    DenseMatrix toDense();

    /** The lazy sum {@code this + other}: products are sums of the two terms' products. */
    default AmbientMatrix plus(AmbientMatrix other) {
        AmbientMatrix self = this;
        if (other.rows() != rows() || other.cols() != cols()) {
            throw new IllegalArgumentException("cannot add a " + other.rows() + "x" + other.cols()
                    + " matrix to a " + rows() + "x" + cols() + " matrix");
        }
        return new AmbientMatrix() {
            @Override public int rows() { return self.rows(); }
            @Override public int cols() { return self.cols(); }
            @Override public DenseMatrix times(DenseMatrix v) { return self.times(v).plus(other.times(v)); }
            @Override public DenseMatrix transposeTimes(DenseMatrix u) {
                return self.transposeTimes(u).plus(other.transposeTimes(u));
            }
            @Override public DenseMatrix toDense() { return self.toDense().plus(other.toDense()); }
        };
    }
}
