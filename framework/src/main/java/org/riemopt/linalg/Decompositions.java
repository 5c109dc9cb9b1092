package org.riemopt.linalg;

import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;

/**
 * The small decompositions the manifolds need: a thin Householder QR of a tall {@code n x k} matrix (written here
 * because Hipparchus only returns the full {@code n x n} factor), SVD and symmetric eigendecompositions of small dense
 * matrices, delegated to Hipparchus, and the symmetric Lyapunov equation solved through the latter.
 */
public final class Decompositions {

    private Decompositions() {
    }

    /** A thin QR factorization {@code A = Q R}, {@code Q} n x k with orthonormal columns, {@code R} k x k. */
    public record QR(DenseMatrix q, DenseMatrix r) {
    }

    /** A thin SVD {@code A = U diag(s) Vᵀ} with singular values in decreasing order. */
    public record SVD(DenseMatrix u, double[] s, DenseMatrix v) {
    }

    /**
     * A symmetric eigendecomposition {@code A = Q diag(values) Qᵀ}.
     *
     * @param values  eigenvalues in ascending order
     * @param vectors {@code Q}, orthonormal eigenvectors as columns, in the order of {@code values}
     */
    public record SymmetricEigen(double[] values, DenseMatrix vectors) {
    }

    /**
     * Thin QR by Householder reflections (Golub and Van Loan, Algorithm 5.2.1), for {@code n ≥ k}. A zero or
     * rank-deficient column still yields orthonormal columns of Q, as the retraction needs.
     */
    public static QR thinQr(DenseMatrix a) {
        int n = a.rows();
        int k = a.cols();
        if (n < k) {
            throw new IllegalArgumentException("thin QR needs rows >= cols, got " + n + "x" + k);
        }
        double[] w = a.data().clone();
        double[][] reflectors = new double[k][];
        double[] r = new double[k * k];
        for (int j = 0; j < k; j++) {
            double norm = Math.sqrt(Kernels.dot(w, j * n + j, w, j * n + j, n - j));
            double[] v = new double[n - j];
            System.arraycopy(w, j * n + j, v, 0, n - j);
            double alpha = v[0] >= 0 ? -norm : norm;
            v[0] -= alpha;
            double vnorm2 = Kernels.dot(v, 0, v, 0, v.length);
            if (vnorm2 > 0) {
                for (int c = j; c < k; c++) {
                    double f = 2 * Kernels.dot(v, 0, w, c * n + j, n - j) / vnorm2;
                    Kernels.axpy(-f, v, 0, w, c * n + j, n - j);
                }
                reflectors[j] = v;
            }
            for (int c = j; c < k; c++) {
                r[j + c * k] = w[c * n + j];
            }
        }
        // Q = H_0 H_1 ... H_{k-1} applied to the first k columns of the identity.
        double[] q = new double[n * k];
        for (int c = 0; c < k; c++) {
            q[c * n + c] = 1;
        }
        for (int j = k - 1; j >= 0; j--) {
            double[] v = reflectors[j];
            if (v == null) {
                continue;
            }
            double vnorm2 = Kernels.dot(v, 0, v, 0, v.length);
            for (int c = 0; c < k; c++) {
                double f = 2 * Kernels.dot(v, 0, q, c * n + j, n - j) / vnorm2;
                Kernels.axpy(-f, v, 0, q, c * n + j, n - j);
            }
        }
        return new QR(DenseMatrix.wrap(n, k, q), DenseMatrix.wrap(k, k, r));
    }

    /** SVD of a (small) dense matrix, by Hipparchus. */
    public static SVD svd(DenseMatrix a) {
        SingularValueDecomposition svd = new SingularValueDecomposition(toHipparchus(a));
        return new SVD(fromHipparchus(svd.getU()), svd.getSingularValues(), fromHipparchus(svd.getV()));
    }

    /**
     * The inverse of a small square matrix, by LU with partial pivoting.
     *
     * @throws IllegalArgumentException if the matrix is singular
     */
    public static DenseMatrix inverse(DenseMatrix a) {
        try {
            return fromHipparchus(new LUDecomposition(toHipparchus(a)).getSolver().getInverse());
        } catch (MathIllegalArgumentException e) {
            throw new IllegalArgumentException("cannot invert a singular " + a.rows() + "x" + a.cols() + " matrix", e);
        }
    }

    /** Eigenvalues of a symmetric matrix in ascending order; the input is symmetrized first. */
    public static double[] symmetricEigenvalues(DenseMatrix a) {
        return symmetricEigen(a).values();
    }

    /** Eigenvalues and eigenvectors of a symmetric matrix, by Hipparchus; the input is symmetrized first. */
    public static SymmetricEigen symmetricEigen(DenseMatrix a) {
        DenseMatrix sym = a.plus(a.transpose()).scale(0.5);
        EigenDecompositionSymmetric eigen = new EigenDecompositionSymmetric(toHipparchus(sym),
                EigenDecompositionSymmetric.DEFAULT_EPSILON, false);
        return new SymmetricEigen(eigen.getEigenvalues(), fromHipparchus(eigen.getV()));
    }

    /**
     * Solves the Lyapunov equation {@code A X + X A = C} for a symmetric positive definite {@code A} (k x k) through
     * its eigendecomposition {@code A = Q Λ Qᵀ}: in the eigenbasis the equation decouples into
     * {@code (λᵢ + λⱼ) X̃ᵢⱼ = C̃ᵢⱼ} with {@code C̃ = Qᵀ C Q}, and {@code X = Q X̃ Qᵀ} (Bartels–Stewart with a diagonal
     * Schur form). {@code λᵢ + λⱼ > 0} is what makes the solution unique; a skew {@code C} gives a skew {@code X}.
     *
     * @throws IllegalArgumentException if {@code A} is not positive definite
     */
    public static DenseMatrix solveSymmetricLyapunov(DenseMatrix a, DenseMatrix c) {
        SymmetricEigen eigen = symmetricEigen(a);
        double[] lambda = eigen.values();
        if (!(lambda[0] > 0)) {
            throw new IllegalArgumentException("the Lyapunov equation needs a positive definite matrix, smallest "
                    + "eigenvalue " + lambda[0]);
        }
        DenseMatrix q = eigen.vectors();
        double[] rotated = q.transposeTimes(c).times(q).data().clone();
        int k = lambda.length;
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < k; i++) {
                rotated[i + j * k] /= lambda[i] + lambda[j];
            }
        }
        return q.times(DenseMatrix.wrap(k, k, rotated)).timesTranspose(q);
    }

    private static RealMatrix toHipparchus(DenseMatrix a) {
        return new Array2DRowRealMatrix(a.toRows(), false);
    }

    private static DenseMatrix fromHipparchus(RealMatrix m) {
        return DenseMatrix.ofRows(m.getData());
    }
}
