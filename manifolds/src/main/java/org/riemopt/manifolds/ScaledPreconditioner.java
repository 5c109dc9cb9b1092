package org.riemopt.manifolds;

import java.util.Optional;
import java.util.function.UnaryOperator;

import org.riemopt.linalg.Decompositions;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.problem.Lift;
import org.riemopt.problem.Objective;
import org.riemopt.problem.Preconditioner;
import org.riemopt.problem.Problem;

/**
 * The damped right preconditioner of scaled gradient methods on the factors of a Burer–Monteiro lift.
 *
 * <ul>
 *   <li>{@code xxt} ({@link XxtLift}, points {@code X} n x r): {@code P_X(U) = U(XᵀX + ηI)⁻¹}, the preconditioner of
 *       PrecGD (Zhang, Fattahi, Zhang, "Preconditioned gradient descent for over-parameterized nonconvex matrix
 *       factorization", NeurIPS 2021, §3; and JMLR 24, 2023, "… Burer–Monteiro factorization with global optimality
 *       certification"). It is the gradient map of the metric {@code ⟨U, V⟩_X = tr(U(XᵀX + ηI)Vᵀ)}, i.e. of the
 *       paper's P-norm with {@code P = (XᵀX + ηI) ⊗ I_n}.</li>
 *   <li>{@code uvt} ({@link UvtLift}, points {@code (U, V)}):
 *       {@code P_(U,V)(U̇, V̇) = (U̇(VᵀV + ηI)⁻¹, V̇(UᵀU + ηI)⁻¹)}, ScaledGD (Tong, Ma, Chi, "Accelerating
 *       ill-conditioned low-rank matrix estimation via scaled gradient descent", JMLR 22, 2021, for η = 0) with the
 *       damping of the over-parameterized analyses (Zhang, Fattahi, Zhang 2021/2023; Xu, Shen, Chi, Ma, "The power
 *       of preconditioning in overparameterized low-rank matrix sensing", ICML 2023, ScaledGD(λ)).</li>
 * </ul>
 *
 * <p>Both are self-adjoint for the Frobenius (product) metric, {@code tr((UH⁻¹)ᵀV) = tr(H⁻¹UᵀV) = tr(Uᵀ(VH⁻¹))}
 * for a symmetric {@code H}, and positive definite when {@code H = FᵀF + ηI} is: always for {@code η > 0}, and for
 * {@code η = 0} only when the factor {@code F} has full column rank, which fails at an over-parameterized solution
 * ({@code r > rank M*}): that is why the damping is needed.
 */
public final class ScaledPreconditioner {

    /**
     * How {@code η} is chosen at a point.
     *
     * @param fixed a fixed {@code η ≥ 0}, or {@code NaN} for the paper's rule {@code η = scale·√f(x)}
     * @param scale the constant of that rule, {@code > 0}
     */
    public record Damping(double fixed, double scale) {

        /**
         * The default, {@code η = √f(x)}: PrecGD's choice for noiseless sensing (NeurIPS 2021, §3; the theory asks
         * for {@code C_lb‖XXᵀ − M*‖_F ≤ η ≤ C_ub‖XXᵀ − M*‖_F}, which {@code √f} meets under RIP; with Riemopt's
         * {@code l2} loss {@code f = ½‖A(XXᵀ) − b‖²}, so {@code √f} is the paper's {@code √f} over √2).
         */
        public static final Damping AUTO = new Damping(Double.NaN, 1);

        /** Checks the values. */
        public Damping {
            if (!(Double.isNaN(fixed) || fixed >= 0) || !(scale > 0)) {
                throw new IllegalArgumentException("damping must be >= 0 (or absent for scale*sqrt(f)) and "
                        + "dampingScale > 0; got damping " + fixed + ", dampingScale " + scale);
            }
        }

        /** {@code η} at a point of cost {@code cost}. */
        public double at(double cost) {
            return Double.isNaN(fixed) ? scale * Math.sqrt(Math.max(cost, 0)) : fixed;
        }
    }

    private ScaledPreconditioner() {
    }

    /**
     * The preconditioner for a measured problem whose lift is {@code xxt} or {@code uvt}, with {@code η} from the
     * problem's (cached) cost at each point; empty for any other objective or lift, which has no factors to scale.
     */
    // The lift's class fixes P and T (DenseMatrix for xxt, Tuple for uvt), which makes the casts safe.
    @SuppressWarnings("unchecked")
    public static <P, T> Optional<Preconditioner<P, T>> of(Objective<P, T> objective, Damping damping) {
        if (!(objective instanceof Problem<P, T> problem)) {
            return Optional.empty();
        }
        Lift<P, T> lift = problem.lift();
        if (lift instanceof XxtLift) {
            Objective<DenseMatrix, DenseMatrix> p = (Objective<DenseMatrix, DenseMatrix>) objective;
            Preconditioner<DenseMatrix, DenseMatrix> xxt = x -> rightInverse(x, damping.at(p.cost(x)));
            return Optional.of((Preconditioner<P, T>) (Preconditioner<?, ?>) xxt);
        }
        if (lift instanceof UvtLift) {
            Objective<Tuple, Tuple> p = (Objective<Tuple, Tuple>) objective;
            Preconditioner<Tuple, Tuple> uvt = x -> {
                double eta = damping.at(p.cost(x));
                UnaryOperator<DenseMatrix> byV = rightInverse(x.get(1), eta);
                UnaryOperator<DenseMatrix> byU = rightInverse(x.get(0), eta);
                return u -> Tuple.of(byV.apply(u.get(0)), byU.apply(u.get(1)));
            };
            return Optional.of((Preconditioner<P, T>) (Preconditioner<?, ?>) uvt);
        }
        return Optional.empty();
    }

    /**
     * {@code U ↦ U(FᵀF + ηI)⁻¹}, with the r x r inverse formed once from the eigendecomposition and filled
     * symmetrically, so that the map is exactly self-adjoint in floating point.
     *
     * @throws IllegalArgumentException if {@code FᵀF + ηI} is not positive definite to working precision
     */
    static UnaryOperator<DenseMatrix> rightInverse(DenseMatrix factor, double eta) {
        int r = factor.cols();
        DenseMatrix gram = factor.transposeTimes(factor).plus(DenseMatrix.identity(r).scale(eta));
        Decompositions.SymmetricEigen eig = Decompositions.symmetricEigen(gram);
        double[] lambda = eig.values();
        if (!(lambda[0] > r * Math.ulp(lambda[r - 1]))) {
            throw new IllegalArgumentException("the scaled preconditioner needs F^T F + eta I positive definite, but "
                    + "its eigenvalues range from " + lambda[0] + " to " + lambda[r - 1] + " (eta = " + eta
                    + "); use a positive damping");
        }
        DenseMatrix q = eig.vectors();
        double[] inverse = new double[r * r];
        for (int i = 0; i < r; i++) {
            for (int j = i; j < r; j++) {
                double s = 0;
                for (int k = 0; k < r; k++) {
                    s += q.get(i, k) * q.get(j, k) / lambda[k];
                }
                inverse[i + j * r] = s;
                inverse[j + i * r] = s;
            }
        }
        DenseMatrix h = DenseMatrix.wrap(r, r, inverse);
        return u -> u.times(h);
    }
}
