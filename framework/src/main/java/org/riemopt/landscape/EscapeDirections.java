package org.riemopt.landscape;

import java.util.ArrayList;
import java.util.List;

import org.riemopt.linalg.Decompositions;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.linalg.Frobenius;
import org.riemopt.linalg.LowRankMatrix;
import org.riemopt.manifold.Manifold;
import org.riemopt.problem.Problem;

/**
 * The sharp escape directions of Zhang (seed 002), Definition 3.1, for a point {@code X ∈ R^{n x r}} and a truth
 * factor {@code Z ∈ R^{n x r*}} ({@code M* = ZZᵀ}):
 * <pre>
 *   D₀ = (I − ½XX⁺) Z (X⁺Z)ᵀ − ½X,    Dᵢ = Z⊥ eᵢ uᵀ  (i = 1 … r*),
 * </pre>
 * with {@code Z⊥ = (I − XX⁺)Z} and {@code u} a unit eigenvector of {@code XᵀX} for {@code λ_min(XᵀX)}; and the
 * tangent–normal split of Fact 3.2, {@code E = XXᵀ − ZZᵀ = E_T + E_N} with {@code E_T = −(D₀Xᵀ + XD₀ᵀ)} and
 * {@code E_N = −Σ DᵢDᵢᵀ = −Z⊥Z⊥ᵀ}.
 *
 * <p>Theorem 3.10 states: if {@code ε₀√(r + r*) + ε₁/2 − (1/(1 + (1 + ε₂/2)√(r* / r)) − δ)‖XXᵀ − ZZᵀ‖ < 0}, then for
 * every {@code f} in its class {@code ⟨∇f(X), D₀⟩/‖D₀Xᵀ‖ < −ε₁} or
 * {@code min_i ⟨∇²f(X)[Dᵢ], Dᵢ⟩/‖DᵢXᵀ‖² < −ε₂}; {@link #evaluate} computes both ratios with the problem's own
 * gradient and Hessian.
 *
 * <p>The {@code Dᵢ} depend on the choice of {@code Z} among the factors of {@code M*} (only their sum
 * {@code Σ DᵢDᵢᵀ} does not); the truth's balanced factor is used ({@code TruthFactors}), its columns ordered by
 * singular value.
 *
 * @param d0     {@code D₀}
 * @param normal {@code D₁ … D_r*}
 * @param zPerp  {@code Z⊥}
 * @param x      the point's factor {@code X}
 * @param z      the truth's factor {@code Z}
 */
public record EscapeDirections(DenseMatrix d0, List<DenseMatrix> normal, DenseMatrix zPerp, DenseMatrix x,
                               DenseMatrix z) {

    public EscapeDirections {
        normal = List.copyOf(normal);
    }

    /**
     * The directions of Definition 3.1. {@code X⁺} is the pseudo-inverse from the thin SVD of {@code X}, with
     * singular values below {@code max(n, r)·ulp(σ₁)} taken as zero (so a padded factor's zero columns are exact).
     *
     * @throws IllegalArgumentException if the shapes disagree or {@code r < r*}
     */
    public static EscapeDirections of(DenseMatrix x, DenseMatrix z) {
        int n = x.rows();
        int r = x.cols();
        if (z.rows() != n || z.cols() > r) {
            throw new IllegalArgumentException("escape directions need X n x r and Z n x r* with r >= r*, got "
                    + n + "x" + r + " and " + z.rows() + "x" + z.cols());
        }
        Decompositions.SVD svd = Decompositions.svd(x);
        double[] s = svd.s();
        double tolerance = Math.max(n, r) * Math.ulp(s.length == 0 ? 0 : s[0]);
        int rank = 0;
        while (rank < s.length && s[rank] > tolerance) {
            rank++;
        }
        DenseMatrix u = svd.u().columns(0, rank);
        DenseMatrix v = svd.v().columns(0, rank);
        double[] inverse = new double[rank];
        for (int i = 0; i < rank; i++) {
            inverse[i] = 1 / s[i];
        }
        // X⁺Z = V Σ⁻¹ UᵀZ (r x r*), Π_X = U Uᵀ.
        DenseMatrix xPlusZ = v.times(DenseMatrix.diagonal(inverse)).times(u.transposeTimes(z));
        DenseMatrix p = z.timesTranspose(xPlusZ);
        DenseMatrix d0 = p.minus(u.times(u.transposeTimes(p)).scale(0.5)).minus(x.scale(0.5));
        DenseMatrix zPerp = z.minus(u.times(u.transposeTimes(z)));
        DenseMatrix smallest = Decompositions.symmetricEigen(x.transposeTimes(x)).vectors().columns(0, 1);
        List<DenseMatrix> normal = new ArrayList<>();
        for (int i = 0; i < z.cols(); i++) {
            normal.add(zPerp.columns(i, i + 1).timesTranspose(smallest));
        }
        return new EscapeDirections(d0, normal, zPerp, x, z);
    }

    /** {@code ‖E‖ = ‖XXᵀ − ZZᵀ‖_F}. */
    public double errorNorm() {
        return Frobenius.distance(new LowRankMatrix(x, x), new LowRankMatrix(z, z));
    }

    /** {@code ‖E_T‖ = ‖D₀Xᵀ + XD₀ᵀ‖_F} (Fact 3.2). */
    public double tangentNorm() {
        return Frobenius.norm(new LowRankMatrix(d0.hconcat(x), x.hconcat(d0)));
    }

    /** {@code ‖E_N‖ = ‖Z⊥Z⊥ᵀ‖_F = ‖Z⊥ᵀZ⊥‖_F} (Fact 3.2). */
    public double normalNorm() {
        return zPerp.transposeTimes(zPerp).normF();
    }

    /** {@code ‖E − E_T − E_N‖_F}, zero up to round-off by Fact 3.2. */
    public double splitResidual() {
        // E − E_T − E_N = XXᵀ − ZZᵀ + D₀Xᵀ + XD₀ᵀ + Z⊥Z⊥ᵀ, kept factored.
        DenseMatrix left = x.hconcat(z.scale(-1)).hconcat(d0).hconcat(x).hconcat(zPerp);
        DenseMatrix right = x.hconcat(z).hconcat(x).hconcat(d0).hconcat(zPerp);
        return Frobenius.norm(new LowRankMatrix(left, right));
    }

    /**
     * The ratios of Theorem 3.10 with the problem's gradient and Hessian, the directions taken into the tangent
     * space by the manifold's projection (the identity on a Euclidean space; on the PSD quotient it removes a
     * vertical part, along which {@code f} is constant).
     */
    public Ratios evaluate(Problem<DenseMatrix, DenseMatrix> problem, DenseMatrix point) {
        Manifold<DenseMatrix, DenseMatrix> m = problem.manifold();
        DenseMatrix t0 = m.proj(point, d0);
        double gradient = m.inner(point, problem.gradient(point), t0) / localNorm(t0);
        double[] hessian = new double[normal.size()];
        double min = Double.NaN;
        for (int i = 0; i < hessian.length; i++) {
            DenseMatrix ti = m.proj(point, normal.get(i));
            double local = localNorm(ti);
            // A direction of zero local norm (Z⊥ = 0 or λ_min(XᵀX) = 0) has no ratio.
            hessian[i] = local > 0 ? m.inner(point, problem.hessian(point, ti), ti) / (local * local) : Double.NaN;
            if (!Double.isNaN(hessian[i]) && !(hessian[i] >= min)) {
                min = hessian[i];
            }
        }
        return new Ratios(gradient, min, hessian, localNorm(t0));
    }

    /** {@code ‖DXᵀ‖_F}, from {@code tr(D XᵀX Dᵀ)}. */
    private double localNorm(DenseMatrix d) {
        return Math.sqrt(Math.max(0, d.times(x.transposeTimes(x)).inner(d)));
    }

    /**
     * The ratios of Theorem 3.10.
     *
     * @param gradient     {@code ⟨∇f(X), D₀⟩/‖D₀Xᵀ‖} ({@code NaN} when {@code D₀Xᵀ = 0})
     * @param hessian      {@code min_i ⟨∇²f(X)[Dᵢ], Dᵢ⟩/‖DᵢXᵀ‖²} ({@code NaN} when every {@code DᵢXᵀ = 0})
     * @param hessianEach  each {@code ⟨∇²f(X)[Dᵢ], Dᵢ⟩/‖DᵢXᵀ‖²}
     * @param d0LocalNorm  {@code ‖D₀Xᵀ‖}
     */
    public record Ratios(double gradient, double hessian, double[] hessianEach, double d0LocalNorm) {

        /**
         * Whether the directions certify descent at accuracies {@code ε₁, ε₂} as Theorem 3.10 concludes: the
         * gradient ratio is below {@code −ε₁} or the Hessian ratio below {@code −ε₂}.
         */
        public boolean certifiesDescent(double epsilon1, double epsilon2) {
            return gradient < -epsilon1 || hessian < -epsilon2;
        }
    }
}
