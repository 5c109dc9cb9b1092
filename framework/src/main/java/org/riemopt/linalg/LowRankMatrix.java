package org.riemopt.linalg;

/**
 * The matrix {@code L Rᵀ} kept in factored form: products cost {@code O((m + n)·k)} per column for {@code k}
 * factor columns, and a dense {@code m x n} array is formed only by {@link #toDense()}.
 *
 * @param left  {@code L}, m x k
 * @param right {@code R}, n x k
 */
public record LowRankMatrix(DenseMatrix left, DenseMatrix right) implements AmbientMatrix {

    /** Checks that the factors have the same number of columns. */
    public LowRankMatrix {
        if (left.cols() != right.cols()) {
            throw new IllegalArgumentException("factors have " + left.cols() + " and " + right.cols() + " columns");
        }
    }

    @Override
    public int rows() {
        return left.rows();
    }

    @Override
    public int cols() {
        return right.rows();
    }

    @Override
    public DenseMatrix times(DenseMatrix v) {
        return left.times(right.transposeTimes(v));
    }

    @Override
    public DenseMatrix transposeTimes(DenseMatrix u) {
        return right.times(left.transposeTimes(u));
    }

    /** Entry {@code (i, j)}: the inner product of row {@code i} of {@code L} with row {@code j} of {@code R}. */
    public double entry(int i, int j) {
        double s = 0;
        for (int c = 0; c < left.cols(); c++) {
            s += left.get(i, c) * right.get(j, c);
        }
        return s;
    }

    @Override
    public DenseMatrix toDense() {
        return left.timesTranspose(right);
    }
}
