package org.riemopt.landscape;

import java.util.List;
import java.util.random.RandomGenerator;

import org.riemopt.diagnostics.HessianSpectrum;
import org.riemopt.linalg.Decompositions;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.manifold.Manifold;
import org.riemopt.problem.Problem;

/**
 * The smallest {@code ε₁, ε₂ ≥ 0} for which a point is an {@code (ε₁, ε₂)}-approximate second-order point (Zhang,
 * seed 002):
 * <ul>
 *   <li>in the Euclidean norm (Corollary 1.5): {@code ‖∇f(X)‖ ≤ ε₁} and {@code ∇²f(X) ⪰ −ε₂ I}, so
 *       {@code ε₁ = ‖grad f(x)‖} and {@code ε₂ = max(0, −λ_min(Hess f(x)))} (in the manifold's metric, which is the
 *       Euclidean one on a Euclidean space);</li>
 *   <li>in the local norm (Theorem 1.4): {@code ⟨∇f(X), D⟩ ≥ −ε₁‖DXᵀ‖} and
 *       {@code ⟨∇²f(X)[D], D⟩ ≥ −ε₂‖DXᵀ‖²} for all {@code D}, so {@code ε₁ = sup_D −⟨∇f(X), D⟩/‖DXᵀ‖} and
 *       {@code ε₂ = max(0, sup_D −⟨∇²f(X)[D], D⟩/‖DXᵀ‖²)}.</li>
 * </ul>
 *
 * <p>The local values are found in an orthonormal basis {@code (bᵢ)} of the tangent space ({@code D = Σ yᵢ bᵢ}):
 * with {@code g = (⟨grad f, bᵢ⟩)}, {@code H = (⟨bᵢ, Hess f[bⱼ]⟩)} and the Gram matrix
 * {@code B = (⟨bᵢXᵀ, bⱼXᵀ⟩)} of the local norm, {@code ε₁² = gᵀB⁺g} (Cauchy–Schwarz in the {@code B} inner
 * product) and {@code −ε₂} is the smallest generalized eigenvalue of {@code (H, B)}. When {@code X} is
 * rank-deficient (a padded truth), {@code B} is singular: directions {@code D} with {@code DXᵀ = 0} have local norm
 * 0, and the supremum is infinite if {@code g} has a component along them, if {@code H} has negative curvature along
 * them, or if {@code H} couples a flat one to the rest; otherwise those directions are minimized out (Schur
 * complement of {@code H}'s kernel block) and the generalized eigenproblem is solved on the range of {@code B}.
 * Components below a relative tolerance count as round-off ({@link #TOLERANCE}; for {@code B}, eigenvalues below
 * {@code 1e-8} of its largest). On the XXᵀ least-squares cost the
 * kernel directions {@code D = a vᵀ}, {@code Xv = 0}, never couple to the rest, as {@code ⟨S, D_r D_kᵀ⟩ = 0}.
 *
 * <p>On the quotient of PSD matrices of rank r the tangent vectors are the horizontal {@code D}
 * ({@code XᵀD} symmetric), on which the quotient's Hessian is the Euclidean one; the supremum then runs over them.
 *
 * @param epsilon1      the Euclidean {@code ε₁}
 * @param epsilon2      the Euclidean {@code ε₂}
 * @param epsilon1Local the local-norm {@code ε₁} ({@code +∞} when unbounded, {@code NaN} when not computed)
 * @param epsilon2Local the local-norm {@code ε₂} (the same conventions)
 */
public record ApproximateSecondOrderPoint(double epsilon1, double epsilon2, double epsilon1Local,
                                          double epsilon2Local) {

    /** Relative size below which a component of {@code g}, {@code B} or {@code H} counts as round-off. */
    public static final double TOLERANCE = 1e-8;

    /** Largest tangent dimension for which the local values are computed (dense, {@code dim} Hessian products). */
    public static final int MAX_LOCAL_DIMENSION = 500;

    /** The Euclidean values from a gradient norm and the smallest Hessian eigenvalue. */
    public static ApproximateSecondOrderPoint euclidean(double gradientNorm, double hessianMinEigenvalue) {
        return new ApproximateSecondOrderPoint(gradientNorm, Math.max(0, -hessianMinEigenvalue), Double.NaN,
                Double.NaN);
    }

    /**
     * Both, for a point {@code x} whose factor {@code X} (the point of a symmetric parameterization {@code XXᵀ})
     * has tangent vectors that are {@code n x r} matrices; the local values are {@code NaN} above
     * {@link #MAX_LOCAL_DIMENSION}.
     */
    public static ApproximateSecondOrderPoint of(Problem<DenseMatrix, DenseMatrix> problem, DenseMatrix x,
                                                 double hessianMinEigenvalue, RandomGenerator random) {
        Manifold<DenseMatrix, DenseMatrix> m = problem.manifold();
        DenseMatrix gradient = problem.gradient(x);
        ApproximateSecondOrderPoint euclidean = euclidean(m.norm(x, gradient), hessianMinEigenvalue);
        if (m.dim() > MAX_LOCAL_DIMENSION) {
            return euclidean;
        }
        List<DenseMatrix> basis = HessianSpectrum.orthonormalBasis(m, x, random);
        int d = basis.size();
        DenseMatrix h = HessianSpectrum.matrix(problem, x, basis);
        h = h.plus(h.transpose()).scale(0.5);
        DenseMatrix xtx = x.transposeTimes(x);
        double[] g = new double[d];
        double[] gram = new double[d * d];
        for (int i = 0; i < d; i++) {
            g[i] = m.inner(x, gradient, basis.get(i));
            DenseMatrix bi = basis.get(i).times(xtx);
            for (int j = 0; j < d; j++) {
                gram[i + j * d] = bi.inner(basis.get(j));
            }
        }
        Decompositions.SymmetricEigen b = Decompositions.symmetricEigen(DenseMatrix.wrap(d, d, gram));
        double[] lambda = b.values();
        // B = (XᵀX ⊗ I) in the basis: a direction whose local norm is below 1e-4 of the largest (σ below 1e-4 σ₁)
        // counts as one of zero local norm, as the eigensolver's round-off on B would otherwise decide.
        double bTolerance = TOLERANCE * Math.max(lambda[d - 1], 0);
        int kernel = 0;
        while (kernel < d && lambda[kernel] <= bTolerance) {
            kernel++;
        }
        DenseMatrix q = b.vectors();
        DenseMatrix qk = q.columns(0, kernel);
        DenseMatrix qr = q.columns(kernel, d);
        DenseMatrix gv = DenseMatrix.wrap(d, 1, g);
        return new ApproximateSecondOrderPoint(euclidean.epsilon1, euclidean.epsilon2,
                localEpsilon1(qk.transposeTimes(gv), qr.transposeTimes(gv), lambda, kernel),
                localEpsilon2(h, qk, qr, lambda, kernel));
    }

    /** {@code √(gᵀB⁺g)}, infinite if {@code g} has a component in {@code B}'s kernel. */
    private static double localEpsilon1(DenseMatrix gKernel, DenseMatrix gRange, double[] lambda, int kernel) {
        double total = Math.hypot(gKernel.normF(), gRange.normF());
        if (gKernel.normF() > TOLERANCE * total) {
            return Double.POSITIVE_INFINITY;
        }
        double sum = 0;
        for (int i = 0; i < gRange.rows(); i++) {
            double c = gRange.get(i, 0);
            sum += c * c / lambda[kernel + i];
        }
        return Math.sqrt(sum);
    }

    /** {@code max(0, −λ_min(H, B))} with {@code B}'s kernel minimized out. */
    private static double localEpsilon2(DenseMatrix h, DenseMatrix qk, DenseMatrix qr, double[] lambda, int kernel) {
        double[] all = Decompositions.symmetricEigenvalues(h);
        double scale = Math.max(Math.abs(all[0]), Math.abs(all[all.length - 1]));
        double tolerance = TOLERANCE * Math.max(scale, Double.MIN_NORMAL);
        DenseMatrix hrr = qr.transposeTimes(h.times(qr));
        if (kernel > 0) {
            DenseMatrix hkk = qk.transposeTimes(h.times(qk));
            DenseMatrix hrk = qr.transposeTimes(h.times(qk));
            Decompositions.SymmetricEigen kk = Decompositions.symmetricEigen(hkk);
            if (kk.values()[0] < -tolerance) {
                // Negative curvature along a direction of zero local norm.
                return Double.POSITIVE_INFINITY;
            }
            for (int j = 0; j < kernel; j++) {
                double mu = kk.values()[j];
                DenseMatrix w = kk.vectors().columns(j, j + 1);
                DenseMatrix coupling = hrk.times(w);
                if (mu <= tolerance) {
                    if (coupling.normF() > tolerance) {
                        // A flat kernel direction coupled to the range: q(D) is unbounded below at fixed ‖DXᵀ‖.
                        return Double.POSITIVE_INFINITY;
                    }
                } else {
                    hrr = hrr.minus(coupling.timesTranspose(coupling).scale(1 / mu));
                }
            }
        }
        int rangeSize = lambda.length - kernel;
        if (rangeSize == 0) {
            return 0;
        }
        double[] inverseRoot = new double[rangeSize];
        for (int i = 0; i < rangeSize; i++) {
            inverseRoot[i] = 1 / Math.sqrt(lambda[kernel + i]);
        }
        DenseMatrix scaling = DenseMatrix.diagonal(inverseRoot);
        double min = Decompositions.symmetricEigenvalues(scaling.times(hrr).times(scaling))[0];
        return Math.max(0, -min);
    }
}
