package org.riemopt.landscape;

import java.util.random.RandomGenerator;

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
 */
public final class RipEstimate {

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
            double[] measured = operator.apply(m);
            double energy = 0;
            for (double v : measured) {
                energy += v * v;
            }
            double norm = Frobenius.norm(m);
            worst = Math.max(worst, Math.abs(energy / (norm * norm) - 1));
        }
        return worst;
    }
}
