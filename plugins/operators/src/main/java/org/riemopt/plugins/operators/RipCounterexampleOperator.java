package org.riemopt.plugins.operators;

import org.riemopt.linalg.DenseMatrix;
import org.riemopt.linalg.LowRankMatrix;
import org.riemopt.problem.Counterexample;

/**
 * The RIP counterexample of Zhang, "Sharp global guarantees for nonconvex low-rank recovery in the noisy
 * overparameterized regime" (2024), Example 4.1: on {@code n x n} matrices, with {@code Q1 = [e₁ … e_r]},
 * {@code Q2 = [e_{r+1} … e_{r+r*}]} (the paper takes {@code [Q1, Q2]} orthonormal without loss of generality),
 * <pre>
 *   δ = 1/(1 + (1+ε)√(r* / r)),   G = Q1Q1ᵀ/√(2r) − Q2Q2ᵀ/√(2r*)   (‖G‖_F = 1),
 *   AᵀA(E) = (1+δ)E − 2δ⟨G, E⟩G,   so ‖A(E)‖² = (1+δ)‖E‖² − 2δ⟨G, E⟩²   (A ∈ RIP(δ, n)).
 * </pre>
 * The square root taken is {@code A = √(1+δ)·I − c·vec(G)vec(G)ᵀ} with {@code c = √(1+δ) − √(1−δ)}: then
 * {@code (√(1+δ) − c)² = 1 − δ}, so {@code AᵀA = (1+δ)I − 2δ ggᵀ}. The truth is
 * {@code M* = (1 + ε + √(r/r*))·Q2Q2ᵀ} and {@code X₀ = Q1} is a spurious point of
 * {@code f(X) = ½‖A(XXᵀ − M*)‖²}: {@code ∇f(X₀) = 0}, {@code ∇²f(X₀) ⪰ −2(1+δ)ε I} and
 * {@code ‖X₀X₀ᵀ − M*‖ > ‖M*‖}.
 */
public final class RipCounterexampleOperator extends IdentityMinusRankOneOperator implements Counterexample {

    private final double delta;
    private final LowRankMatrix truth;
    private final LowRankMatrix spurious;

    private RipCounterexampleOperator(double delta, DenseMatrix g, LowRankMatrix truth, LowRankMatrix spurious) {
        super(Math.sqrt(1 + delta), Math.sqrt(1 + delta) - Math.sqrt(1 - delta), g);
        this.delta = delta;
        this.truth = truth;
        this.spurious = spurious;
    }

    /**
     * Example 4.1 on {@code n x n} matrices with search rank {@code rank} ({@code r}), true rank {@code trueRank}
     * ({@code r*}) and margin {@code epsilon} ({@code ε}).
     *
     * @throws IllegalArgumentException unless {@code 1 ≤ trueRank ≤ rank < n}, {@code rank + trueRank ≤ n} and
     *                                  {@code epsilon ≥ 0}, naming the parameter
     */
    public static RipCounterexampleOperator example41(int n, int rank, int trueRank, double epsilon) {
        if (trueRank < 1) {
            throw new IllegalArgumentException("trueRank must be at least 1, got " + trueRank);
        }
        if (trueRank > rank) {
            throw new IllegalArgumentException("trueRank (" + trueRank + ") must not exceed rank (" + rank + ")");
        }
        if (rank >= n || rank + trueRank > n) {
            throw new IllegalArgumentException("rank (" + rank + ") and trueRank (" + trueRank + ") need rank < n and "
                    + "rank + trueRank <= n for the " + n + " x " + n + " matrices of the lift");
        }
        if (!(epsilon >= 0)) {
            throw new IllegalArgumentException("epsilon must be >= 0, got " + epsilon);
        }
        double delta = 1 / (1 + (1 + epsilon) * Math.sqrt((double) trueRank / rank));
        DenseMatrix q1 = unitColumns(n, 0, rank);
        DenseMatrix q2 = unitColumns(n, rank, trueRank);
        DenseMatrix g = DenseMatrix.lincomb(1 / Math.sqrt(2.0 * rank), q1.timesTranspose(q1),
                -1 / Math.sqrt(2.0 * trueRank), q2.timesTranspose(q2));
        DenseMatrix l = q2.scale(Math.sqrt(1 + epsilon + Math.sqrt((double) rank / trueRank)));
        return new RipCounterexampleOperator(delta, g, new LowRankMatrix(l, l), new LowRankMatrix(q1, q1));
    }

    /** {@code [e_first … e_{first+count−1}]}, {@code n x count}. */
    private static DenseMatrix unitColumns(int n, int first, int count) {
        double[] d = new double[n * count];
        for (int c = 0; c < count; c++) {
            d[first + c + c * n] = 1;
        }
        return DenseMatrix.wrap(n, count, d);
    }

    /** The RIP constant {@code δ = 1/(1 + (1+ε)√(r* / r))}. */
    public double delta() {
        return delta;
    }

    /** {@code M* = (1 + ε + √(r/r*))·Q2Q2ᵀ}, as {@code L Lᵀ}. */
    @Override
    public LowRankMatrix truth() {
        return truth;
    }

    /** {@code X₀ = Q1}, as {@code Q1 Q1ᵀ}. */
    @Override
    public LowRankMatrix spuriousPoint() {
        return spurious;
    }

    @Override
    public String source() {
        return "Zhang (2024), Example 4.1";
    }
}
