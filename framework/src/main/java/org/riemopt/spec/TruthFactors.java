package org.riemopt.spec;

import java.util.Arrays;

import org.riemopt.linalg.AmbientMatrix;
import org.riemopt.linalg.Decompositions;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.linalg.LowRankMatrix;

/**
 * The factorization of a truth that {@code init: {type: truth}} starts from: the balanced factors
 * {@code (P√Σ, Q√Σ)} of its thin SVD {@code M* = P Σ Qᵀ} (numerical rank only), the same factor on both sides when
 * {@code M*} is symmetric positive semidefinite ({@code Z} with {@code M* = ZZᵀ}), padded with zero columns up to the
 * search rank (seed 002's convention for over-parameterized points). The landscape tools take the truth's factor
 * {@code Z} from {@link #balanced} too.
 */
public final class TruthFactors {

    private TruthFactors() {
    }

    /**
     * The balanced factors of {@code truth}; one object on both sides when it is symmetric PSD.
     *
     * @throws IllegalArgumentException if the truth is zero
     */
    public static LowRankMatrix balanced(AmbientMatrix truth) {
        if (truth instanceof LowRankMatrix f && f.left() == f.right()) {
            return f;
        }
        Decompositions.SVD svd;
        if (truth instanceof LowRankMatrix f && f.left().cols() <= Math.min(f.left().rows(), f.right().rows())) {
            Decompositions.QR ql = Decompositions.thinQr(f.left());
            Decompositions.QR qr = Decompositions.thinQr(f.right());
            Decompositions.SVD core = Decompositions.svd(ql.r().times(qr.r().transpose()));
            svd = new Decompositions.SVD(ql.q().times(core.u()), core.s(), qr.q().times(core.v()));
        } else {
            svd = Decompositions.svd(truth.toDense());
        }
        double[] s = svd.s();
        double tolerance = Math.max(truth.rows(), truth.cols()) * Math.ulp(1.0) * s[0];
        int k = 0;
        while (k < s.length && s[k] > tolerance) {
            k++;
        }
        if (k == 0) {
            throw new IllegalArgumentException("the truth is zero; it has no factorization to start from");
        }
        double[] root = new double[k];
        for (int i = 0; i < k; i++) {
            root[i] = Math.sqrt(s[i]);
        }
        DenseMatrix scale = DenseMatrix.diagonal(root);
        DenseMatrix left = svd.u().columns(0, k).times(scale);
        DenseMatrix right = svd.v().columns(0, k).times(scale);
        // A symmetric PSD truth has equal singular vectors on both sides (up to round-off): keep one factor Z.
        boolean psd = truth.rows() == truth.cols() && left.minus(right).normF() <= 1e-10 * left.normF();
        return psd ? new LowRankMatrix(left, left) : new LowRankMatrix(left, right);
    }

    /** {@code factor} with zero columns appended up to {@code rank} columns. */
    static DenseMatrix padded(DenseMatrix factor, int rank) {
        if (factor.cols() > rank) {
            throw new IllegalArgumentException("the truth has rank " + factor.cols() + ", above the search rank "
                    + rank + "; a point of this manifold cannot represent it");
        }
        double[] data = Arrays.copyOf(factor.data(), factor.rows() * rank);
        return DenseMatrix.wrap(factor.rows(), rank, data);
    }
}
