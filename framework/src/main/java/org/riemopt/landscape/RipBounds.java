package org.riemopt.landscape;

/**
 * The closed-form RIP thresholds and error bounds of the seed papers, as plain functions of their parameters.
 *
 * <p>Notation: {@code r} the search rank, {@code r*} the rank of the truth, {@code δ} the RIP constant of the operator
 * on matrices of rank {@code r + r*}, {@code ε₀ = ‖Aᵀ(A(M*) − b)‖_op} the noise level.
 */
public final class RipBounds {

    private RipBounds() {
    }

    /**
     * The critical RIP constant {@code δ_c = 1/(1 + √(r* / r))} (McRae, seed 000, the theorem "Zhang, 2025"; Zhang,
     * seed 002, Theorem 1.2 in the form {@code r / r* > [δ/(1−δ)]²}): below it every second-order critical point of the
     * Burer–Monteiro problem recovers the truth (exactly without noise), and counterexamples exist at and above it.
     *
     * @throws IllegalArgumentException unless {@code 1 ≤ r* ≤ r}
     */
    public static double deltaCritical(int rank, int trueRank) {
        if (trueRank < 1 || trueRank > rank) {
            throw new IllegalArgumentException("need 1 <= r* <= r, got r = " + rank + ", r* = " + trueRank);
        }
        return 1 / (1 + Math.sqrt((double) trueRank / rank));
    }

    /**
     * The error bound of McRae's main positive landscape result (seed 000): if {@code A} has {@code (r + r*, δ)}-RIP
     * with {@code δ < δ_c}, every second-order critical point of
     * {@code ½‖A(UVᵀ) − b‖² + λ(‖U‖²_F + ‖V‖²_F)/2} satisfies
     * {@code ‖UVᵀ − M*‖_F ≤ (δ_c − δ)⁻¹ [6√r* λ + √(r + r*) (‖A*(ξ)‖_op − λ)₊]}; with {@code λ = 0} it is the
     * bound {@code (δ_c − δ)⁻¹ √(r + r*) ‖A*(ξ)‖_op} of the "Zhang, 2025" theorem quoted there.
     *
     * @param noise {@code ‖A*(ξ)‖_op}, {@code ξ = b − A(M*)}
     * @return the bound, or {@code NaN} when {@code δ ≥ δ_c} (the theorem does not apply)
     */
    public static double mcRaeBound(double delta, double noise, double lambda, int rank, int trueRank) {
        double gap = deltaCritical(rank, trueRank) - delta;
        if (!(gap > 0)) {
            return Double.NaN;
        }
        return (6 * Math.sqrt(trueRank) * lambda + Math.sqrt(rank + trueRank) * Math.max(noise - lambda, 0)) / gap;
    }

    /**
     * The recovery bound of Zhang's Theorem 1.4 (seed 002) for an {@code (ε₁, ε₂)}-approximate second-order point in
     * the local norm of {@code f(X) = ½‖A(XXᵀ) − b‖²}:
     * {@code ‖XXᵀ − M*‖ ≤ (ε₁/2 + ε₀√(r + r*)) · (1/(1 + (1 + ε₂/2)√(r* / r)) − δ)⁻¹}, valid when
     * {@code r / r* > [(1 + ε₂/2)δ/(1 − δ)]²}, that is when the second factor's inverse is positive.
     *
     * @return the bound, or {@code NaN} when the theorem's condition on {@code r / r*} fails or an {@code ε} is not
     *         finite
     */
    public static double zhangBound(double delta, double noise, double epsilon1, double epsilon2, int rank,
                                    int trueRank) {
        if (trueRank < 1 || trueRank > rank) {
            throw new IllegalArgumentException("need 1 <= r* <= r, got r = " + rank + ", r* = " + trueRank);
        }
        double gap = 1 / (1 + (1 + epsilon2 / 2) * Math.sqrt((double) trueRank / rank)) - delta;
        if (!(gap > 0) || !Double.isFinite(epsilon1)) {
            return Double.NaN;
        }
        return (epsilon1 / 2 + noise * Math.sqrt(rank + trueRank)) / gap;
    }

    /**
     * Theorem 6 of Ma, Chen, Lavaei and Sojoudi (seed 004) at a first-order critical point {@code X̂} of
     * {@code f + λ f^l}, {@code f^l(X) = (1/l)‖A(XXᵀ) − b‖_l^l}, {@code l ≥ 2} even, {@code A} with RIP constant
     * {@code δ} on rank {@code r + r*}. With {@code D = ‖X̂X̂ᵀ − M*‖_F}, {@code C(l) = m^{(2−l)/2}((2^l − 1)/l − 1)}:
     * <ul>
     *   <li>inequality (10): {@code D² ≥ tr(M*) σ_r²(X̂) [(1+δ) + λ(l−1)(1+δ)^{l/2} D^{l−2}]
     *       / [(1−δ)/2 + λ C(l)(1−δ)^{l/2} D^{l−2}]};</li>
     *   <li>when it holds, {@code X̂} is a strict saddle and the Hessian has an eigenvalue at most (11):
     *       {@code [2(1+δ)σ_r²(X̂) − D²(1−δ)/tr(M*)] + λD^{l−2}[2(1+δ)^{l/2}(l−1)σ_r²(X̂) − 2(1−δ)^{l/2}C(l)D²/tr(M*)]}.</li>
     * </ul>
     * With {@code λ = 0} this is the paper's Theorem 3 ((4) and (5)).
     *
     * @param distance     {@code D = ‖X̂X̂ᵀ − M*‖_F}
     * @param sigmaR       {@code σ_r(X̂)}, the r-th singular value of the factor
     * @param traceTruth   {@code tr(M*)}
     * @param measurements {@code m}
     */
    public static HighOrderSaddle highOrderSaddle(double delta, double lambda, int order, double distance,
                                                 double sigmaR, double traceTruth, int measurements) {
        if (order < 2 || order % 2 != 0) {
            throw new IllegalArgumentException("Theorem 6 needs an even order l >= 2, got " + order);
        }
        double c = Math.pow(measurements, (2.0 - order) / 2) * ((Math.pow(2, order) - 1) / order - 1);
        double dl = Math.pow(distance, order - 2);
        double s2 = sigmaR * sigmaR;
        double plus = Math.pow(1 + delta, order / 2.0);
        double minus = Math.pow(1 - delta, order / 2.0);
        double threshold = traceTruth * s2 * ((1 + delta) + lambda * (order - 1) * plus * dl)
                / ((1 - delta) / 2 + lambda * c * minus * dl);
        double bound = (2 * (1 + delta) * s2 - distance * distance * (1 - delta) / traceTruth)
                + lambda * dl * (2 * plus * (order - 1) * s2 - 2 * minus * c * distance * distance / traceTruth);
        return new HighOrderSaddle(lambda, order, c, distance * distance, threshold,
                distance * distance >= threshold, bound);
    }

    /**
     * Seed 004's Theorem 6 evaluated at a point.
     *
     * @param lambda             {@code λ}
     * @param order              {@code l}
     * @param c                  {@code C(l)}
     * @param distanceSquared    {@code D²}
     * @param threshold          the right-hand side of inequality (10)
     * @param inequality10Holds  whether {@code D² ≥} that threshold
     * @param eigenvalueBound11  the bound (11) on the smallest Hessian eigenvalue (meaningful when (10) holds at a
     *                           first-order point)
     */
    public record HighOrderSaddle(double lambda, int order, double c, double distanceSquared, double threshold,
                                  boolean inequality10Holds, double eigenvalueBound11) {
    }
}
