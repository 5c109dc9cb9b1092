package org.riemopt.linalg;

/**
 * Frobenius norms and distances of ambient matrices that stay factored when both sides are: for {@code L Rᵀ}, thin
 * QR factorizations {@code L = Q_L R_L}, {@code R = Q_R R_R} give {@code ‖L Rᵀ‖_F = ‖R_L R_Rᵀ‖_F}, and a difference
 * {@code L₁R₁ᵀ − L₂R₂ᵀ = [L₁, −L₂][R₁, R₂]ᵀ} is again factored, so the error of a rank-r iterate against a rank-r*
 * truth costs {@code O((m + n)(r + r*)²)} and never forms an {@code m x n} matrix. Householder QR is backward stable,
 * so a relative error is resolved down to about machine precision, unlike expanding
 * {@code ‖X‖² − 2⟨X, Z⟩ + ‖Z‖²}, which cancels below about 1e-8.
 */
public final class Frobenius {

    private Frobenius() {
    }

    /** {@code ‖a‖_F}. */
    public static double norm(AmbientMatrix a) {
        if (a instanceof LowRankMatrix f && isThin(f)) {
            return factoredNorm(f.left(), f.right());
        }
        return a.toDense().normF();
    }

    /**
     * {@code ‖a − b‖_F}.
     *
     * @throws IllegalArgumentException if the shapes differ
     */
    public static double distance(AmbientMatrix a, AmbientMatrix b) {
        if (a.rows() != b.rows() || a.cols() != b.cols()) {
            throw new IllegalArgumentException("cannot compare a " + a.rows() + "x" + a.cols() + " matrix with a "
                    + b.rows() + "x" + b.cols() + " matrix");
        }
        if (a instanceof LowRankMatrix fa && b instanceof LowRankMatrix fb) {
            LowRankMatrix difference = new LowRankMatrix(fa.left().hconcat(fb.left().scale(-1)),
                    fa.right().hconcat(fb.right()));
            if (isThin(difference)) {
                return factoredNorm(difference.left(), difference.right());
            }
        }
        return a.toDense().minus(b.toDense()).normF();
    }

    private static boolean isThin(LowRankMatrix f) {
        int k = f.left().cols();
        return k <= f.left().rows() && k <= f.right().rows();
    }

    private static double factoredNorm(DenseMatrix left, DenseMatrix right) {
        return Decompositions.thinQr(left).r().times(Decompositions.thinQr(right).r().transpose()).normF();
    }
}
