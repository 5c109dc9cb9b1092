package org.riemopt.landscape;

import java.util.Arrays;
import java.util.random.RandomGenerator;

import org.riemopt.linalg.AmbientMatrix;
import org.riemopt.linalg.Decompositions;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.linalg.Frobenius;
import org.riemopt.linalg.LowRankMatrix;
import org.riemopt.problem.MeasurementOperator;

/**
 * A sampling-based lower estimate of an operator's RIP constant on rank-{@code k} matrices. The RIP constant
 * (Zhang, seed 002, Definition 1.1; McRae, seed 000) is the smallest {@code δ} with
 * {@code (1 − δ)‖M‖²_F ≤ ‖A(M)‖² ≤ (1 + δ)‖M‖²_F} for every {@code M} of rank at most {@code k}, that is
 * {@code δ = sup |‖A(M)‖²/‖M‖²_F − 1|}. Computing it is NP-hard in general; this takes the maximum of
 * {@code |‖A(M)‖²/‖M‖²_F − 1|} over seeded random matrices {@code M = L Rᵀ} with Gaussian factors of {@code k}
 * columns, so the value is a <b>lower bound</b> on {@code δ}, never an upper one: a theorem's hypothesis
 * {@code δ < δ_c} cannot be certified this way, only refuted.
 *
 * <p>For a symmetric parameterization ({@code XXᵀ}) only symmetric matrices are ever measured, and the RIP of the
 * theorems is over symmetric matrices (seed 002, Lemma 3.4, {@code M ∈ Sⁿ}); then the samples are
 * {@code M = L diag(±1) Lᵀ} with random signs (indefinite, as an error {@code XXᵀ − ZZᵀ} is). A symmetrized Gaussian
 * operator annihilates antisymmetric matrices, so sampling general matrices would wrongly report {@code δ ≥ 1}.
 *
 * <p>Random matrices of higher rank concentrate better, so plain sampling would not see {@code δ} grow with
 * {@code k}. The best sample on each side is therefore refined by a projected power method
 * ({@link #REFINEMENT_STEPS} steps): {@code M ← P_k(AᵀA(M))} towards a large {@code ‖A(M)‖²/‖M‖²} and
 * {@code M ← P_k((c − AᵀA)(M))}, {@code c} the largest ratio seen, towards a small one, {@code P_k} the best rank-k
 * approximation (truncated SVD, or the {@code k} eigenvalues of largest magnitude for symmetric matrices). Every
 * iterate is a rank-k matrix, so the maximum stays a lower bound. The refinement forms {@code AᵀA(M)} densely and
 * runs only on operators of at most {@link #MAX_REFINED_ENTRIES} entries.
 */
public final class RipEstimate {

    /** Projected power steps from the best sample on each side. */
    public static final int REFINEMENT_STEPS = 20;

    /** Largest {@code rows·cols} for which the refinement (dense {@code AᵀA(M)}) runs. */
    public static final long MAX_REFINED_ENTRIES = 250_000;

    private RipEstimate() {
    }

    /**
     * {@code max |‖A(M)‖²/‖M‖²_F − 1|} over {@code samples} random rank-{@code k} matrices.
     *
     * @param symmetric sample symmetric matrices (square operators only)
     * @throws IllegalArgumentException if {@code k} exceeds the matrices' dimensions, {@code samples < 1}, or
     *                                  symmetric samples are asked of a non-square operator
     */
    public static double lowerBound(MeasurementOperator operator, int k, int samples, boolean symmetric,
                                    RandomGenerator random) {
        int rows = operator.rows();
        int cols = operator.cols();
        if (k < 1 || k > Math.min(rows, cols)) {
            throw new IllegalArgumentException("the RIP rank k = " + k + " must be between 1 and min(rows, cols) = "
                    + Math.min(rows, cols));
        }
        if (samples < 1) {
            throw new IllegalArgumentException("need at least one sample, got " + samples);
        }
        if (symmetric && rows != cols) {
            throw new IllegalArgumentException("symmetric samples need square matrices, got " + rows + "x" + cols);
        }
        double worst = 0;
        double highest = Double.NEGATIVE_INFINITY;
        double lowest = Double.POSITIVE_INFINITY;
        LowRankMatrix high = null;
        LowRankMatrix low = null;
        for (int s = 0; s < samples; s++) {
            DenseMatrix left = DenseMatrix.gaussian(rows, k, random);
            LowRankMatrix m;
            if (symmetric) {
                double[] signs = new double[k];
                for (int j = 0; j < k; j++) {
                    signs[j] = random.nextBoolean() ? 1 : -1;
                }
                m = new LowRankMatrix(left.times(DenseMatrix.diagonal(signs)), left);
            } else {
                m = new LowRankMatrix(left, DenseMatrix.gaussian(cols, k, random));
            }
            double ratio = ratio(operator, m);
            worst = Math.max(worst, Math.abs(ratio - 1));
            if (ratio > highest) {
                highest = ratio;
                high = m;
            }
            if (ratio < lowest) {
                lowest = ratio;
                low = m;
            }
        }
        if ((long) rows * cols > MAX_REFINED_ENTRIES) {
            return worst;
        }
        DenseMatrix m = high.toDense();
        for (int step = 0; step < REFINEMENT_STEPS; step++) {
            m = truncate(gram(operator, m), k, symmetric);
            double ratio = ratio(operator, m);
            highest = Math.max(highest, ratio);
            worst = Math.max(worst, Math.abs(ratio - 1));
        }
        m = low.toDense();
        for (int step = 0; step < REFINEMENT_STEPS; step++) {
            m = truncate(DenseMatrix.lincomb(highest, m, -1, gram(operator, m)), k, symmetric);
            worst = Math.max(worst, Math.abs(ratio(operator, m) - 1));
        }
        return worst;
    }

    /** {@code ‖A(M)‖²/‖M‖²_F}. */
    private static double ratio(MeasurementOperator operator, AmbientMatrix m) {
        double energy = 0;
        for (double v : operator.apply(m)) {
            energy += v * v;
        }
        double norm = Frobenius.norm(m);
        return energy / (norm * norm);
    }

    /** {@code AᵀA(M)}, dense. */
    private static DenseMatrix gram(MeasurementOperator operator, DenseMatrix m) {
        return operator.adjoint(operator.apply(m)).toDense();
    }

    /** The best rank-k approximation, symmetric when asked (largest-magnitude eigenvalues), scaled to norm 1. */
    private static DenseMatrix truncate(DenseMatrix m, int k, boolean symmetric) {
        DenseMatrix out;
        if (symmetric) {
            Decompositions.SymmetricEigen eigen = Decompositions.symmetricEigen(m);
            double[] values = eigen.values();
            Integer[] order = new Integer[values.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(Math.abs(values[b]), Math.abs(values[a])));
            out = DenseMatrix.zeros(m.rows(), m.cols());
            for (int i = 0; i < k; i++) {
                DenseMatrix v = eigen.vectors().columns(order[i], order[i] + 1);
                out = out.plus(v.timesTranspose(v).scale(values[order[i]]));
            }
        } else {
            Decompositions.SVD svd = Decompositions.svd(m);
            double[] s = Arrays.copyOf(svd.s(), k);
            out = svd.u().columns(0, k).times(DenseMatrix.diagonal(s)).timesTranspose(svd.v().columns(0, k));
        }
        return out.scale(1 / out.normF());
    }
}
