package org.riemopt.diagnostics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.riemopt.manifold.Manifold;
import org.riemopt.problem.Objective;

/**
 * The extreme eigenvalues of the Riemannian Hessian at a point by the Lanczos method on Hessian-vector products
 * (Golub and Van Loan, Matrix Computations, 4th ed., §10.1; Parlett, The Symmetric Eigenvalue Problem, ch. 13):
 * for problems too large for the dense {@link HessianSpectrum}.
 *
 * <p>The Krylov basis is built in the tangent space at {@code x} with the manifold's metric, from a random tangent
 * vector, and is kept: each new direction is orthogonalized against all of it, twice (full reorthogonalization).
 * Without this, in floating point the basis loses orthogonality as Ritz values converge (Paige's analysis, made
 * worse here because a Hessian assembled in floating point is symmetric only to about {@code 1e-12}), which
 * produces spurious copies ("ghosts") of converged eigenvalues. The cost is {@code k} Hessian-vector products and {@code O(k²)} inner products and linear
 * combinations of tangent vectors for {@code k} steps, and {@code k} tangent vectors of memory.
 *
 * <p>A Ritz pair {@code (θ, Qs)} of the {@code k x k} tridiagonal {@code T_k} has residual
 * {@code ‖Hess[Qs] − θQs‖ = |β_k s_k|} (Parlett, ch. 13), so convergence is read off {@code T_k} without further
 * products. The iteration stops when both extreme pairs satisfy
 * {@code |β_k s_k| ≤ tolerance·max(|θ_min|, |θ_max|)}, when {@code β_k} is negligible (the Krylov space is
 * invariant and its Ritz values are exact eigenvalues; a random start vector is orthogonal to an eigenvector only
 * with probability zero), or after {@code maxIterations} steps, at most the dimension.
 */
public final class HessianLanczos {

    /**
     * The default relative tolerance: a Ritz pair {@code (θ, v)} counts as converged when
     * {@code ‖Hess[v] − θv‖ ≤ tol·max(|θ_min|, |θ_max|)}.
     */
    public static final double DEFAULT_TOLERANCE = 1e-8;

    /** The default cap on Lanczos steps, if the dimension is larger. */
    public static final int DEFAULT_MAX_ITERATIONS = 300;

    /**
     * {@code β_k} below this fraction of the largest {@code ‖Hess[q_j]‖} seen is round-off of the product: the Krylov
     * space is invariant, and normalizing {@code β_k} would make a direction of noise.
     */
    private static final double NEGLIGIBLE = 1e-12;

    /**
     * While the basis is this small, {@code T_k} is diagonalized every step; later after every {@code k/8} steps, so
     * that the {@code O(k³)} diagonalizations cost a few times the last one and at most an eighth more products are
     * made than needed.
     */
    private static final int CHECK_EVERY_STEP = 32;

    private HessianLanczos() {
    }

    /**
     * The extreme eigenpairs with {@link #DEFAULT_TOLERANCE} and at most {@code min(dim, 300)} steps.
     */
    public static <P, T> ExtremeEigenpairs<T> extremes(Objective<P, T> problem, P x, RandomGenerator random) {
        return extremes(problem, x, random, DEFAULT_TOLERANCE, DEFAULT_MAX_ITERATIONS);
    }

    /**
     * The smallest and largest eigenvalue of the Riemannian Hessian at {@code x} with unit-norm Ritz vectors.
     *
     * @param random        draws the start vector
     * @param tolerance     relative residual tolerance, see {@link #DEFAULT_TOLERANCE}
     * @param maxIterations cap on the Lanczos steps (Hessian-vector products); {@code dim} is used if smaller
     * @throws IllegalArgumentException if the tolerance is not positive and finite, maxIterations is below 1 or the
     *                                  manifold has dimension 0
     */
    public static <P, T> ExtremeEigenpairs<T> extremes(Objective<P, T> problem, P x, RandomGenerator random,
                                                       double tolerance, int maxIterations) {
        if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be positive and finite, got " + tolerance);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1, got " + maxIterations);
        }
        Manifold<P, T> m = problem.manifold();
        if (m.dim() < 1) {
            throw new IllegalArgumentException(m.name() + " has dimension 0: the Hessian has no eigenvalues");
        }
        int limit = Math.min(maxIterations, m.dim());
        List<T> basis = new ArrayList<>();
        double[] alpha = new double[limit];
        double[] beta = new double[limit];
        T start = m.randomTangent(x, random);
        T q = m.lincomb(x, 1 / m.norm(x, start), start, 0, start);
        double scale = 0;
        int nextCheck = 0;
        for (int k = 1; ; k++) {
            basis.add(q);
            T w = problem.hessian(x, q);
            scale = Math.max(scale, m.norm(x, w));
            // Gram–Schmidt against the whole basis, twice; α is the total coefficient on the newest vector (the
            // coefficients on older vectors are β_{k-1} and round-off, which the tridiagonal model drops).
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < k; i++) {
                    double c = m.inner(x, basis.get(i), w);
                    w = m.lincomb(x, 1, w, -c, basis.get(i));
                    if (i == k - 1) {
                        alpha[k - 1] += c;
                    }
                }
            }
            beta[k - 1] = m.norm(x, w);
            boolean invariant = beta[k - 1] <= NEGLIGIBLE * scale;
            boolean last = invariant || k == limit;
            if (last || k <= CHECK_EVERY_STEP || k >= nextCheck) {
                nextCheck = k + k / 8;
                Ritz ritz = Ritz.of(alpha, beta, k);
                double size = Math.max(Math.abs(ritz.min), Math.abs(ritz.max));
                double bound = tolerance * Math.max(size, Double.MIN_NORMAL);
                boolean small = ritz.minResidual <= bound && ritz.maxResidual <= bound;
                if (last || small) {
                    return new ExtremeEigenpairs<>(ritz.min, combine(m, x, basis, ritz.minVector), ritz.max,
                            combine(m, x, basis, ritz.maxVector), k, ritz.minResidual, ritz.maxResidual,
                            invariant || small);
                }
            }
            q = m.lincomb(x, 1 / beta[k - 1], w, 0, w);
        }
    }

    /** The unit-norm tangent vector {@code Σ s_i q_i}. */
    private static <P, T> T combine(Manifold<P, T> m, P x, List<T> basis, double[] s) {
        T v = m.zeroTangent(x);
        for (int i = 0; i < s.length; i++) {
            v = m.lincomb(x, 1, v, s[i], basis.get(i));
        }
        // Q has orthonormal columns to round-off, so this only corrects the last digits.
        return m.lincomb(x, 1 / m.norm(x, v), v, 0, v);
    }

    /** The extreme eigenpairs of {@code T_k} and the residual estimates {@code |β_k s_k|} of their Ritz pairs. */
    private record Ritz(double min, double[] minVector, double minResidual,
                        double max, double[] maxVector, double maxResidual) {

        static Ritz of(double[] alpha, double[] beta, int k) {
            EigenDecompositionSymmetric eig = new EigenDecompositionSymmetric(Arrays.copyOf(alpha, k),
                    Arrays.copyOf(beta, k - 1));
            double[] theta = eig.getEigenvalues();
            int lo = 0;
            int hi = 0;
            for (int i = 1; i < k; i++) {
                if (theta[i] < theta[lo]) {
                    lo = i;
                }
                if (theta[i] > theta[hi]) {
                    hi = i;
                }
            }
            double[] sLo = eig.getEigenvector(lo).toArray();
            double[] sHi = eig.getEigenvector(hi).toArray();
            double b = beta[k - 1];
            return new Ritz(theta[lo], sLo, Math.abs(b * sLo[k - 1]), theta[hi], sHi, Math.abs(b * sHi[k - 1]));
        }
    }
}
