package org.riemopt.plugins.operators;

import java.util.List;
import java.util.Optional;

import org.riemopt.linalg.AmbientMatrix;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.linalg.LowRankMatrix;
import org.riemopt.problem.Counterexample;
import org.riemopt.problem.DenseMeasurementOperator;
import org.riemopt.problem.FactorJacobian;
import org.riemopt.problem.MeasurementOperator;
import org.riemopt.problem.ResidualWeight;

/**
 * A measurement operator from the literature together with the truth and the spurious point its paper states: it
 * measures exactly as the operator it wraps, and adds what {@link Counterexample} reports. The instances, each with
 * {@code f} the composed cost {@code ½‖A(φ(x)) − b‖²} and {@code b = A(M*)}:
 * <ul>
 *   <li>{@link #zhangExample13}: Zhang (2024), Example 1.3, a nonstrict saddle point of a RIP operator with
 *       {@code δ < 1/2} on {@code 2 x 2} matrices;</li>
 *   <li>{@link #zhangExample45}: Zhang (2024), Example 4.5 (Example 1.8 rephrased), a spurious approximate
 *       second-order point of the unbalanced factorization {@code ‖UVᵀ − e₁e₁ᵀ‖²};</li>
 *   <li>{@link #boumalCriscitiello2x2}: Boumal and Criscitiello (2023), "Benign landscape of low-rank approximation:
 *       Part II", section "Not benign for general quadratics", a strict spurious local minimum of a strongly convex
 *       quadratic (condition number 4) over rank-1 matrices.</li>
 * </ul>
 * Zhang's Example 4.1 is the {@link RipCounterexampleOperator}.
 */
public final class CounterexampleOperator implements MeasurementOperator, Counterexample {

    private final MeasurementOperator operator;
    private final LowRankMatrix truth;
    private final LowRankMatrix spurious;
    private final String source;

    private CounterexampleOperator(MeasurementOperator operator, LowRankMatrix truth, LowRankMatrix spurious,
                                   String source) {
        this.operator = operator;
        this.truth = truth;
        this.spurious = spurious;
        this.source = source;
    }

    /**
     * Zhang (2024), Example 1.3 (the {@code n = 2}, {@code r = r* = 1} instance of Example 4.1, with an explicit
     * operator): with {@code δ = 1/(2+ε)},
     * <pre>
     *   A₁ = √((1+δ)/2)·I,   A₂ = √((1−δ)/2)·diag(1, −1),   A₃ = √(1+δ)·e₂e₁ᵀ,   A₄ = √(1+δ)·e₁e₂ᵀ,
     *   M* = diag(0, 2+ε),   x₀ = [1; 0]:   ∇f(x₀) = 0,   ∇²f(x₀) = diag(4, −2ε(1 + 1/(2+ε))).
     * </pre>
     * {@code A ∈ RIP(δ, 2)} with {@code δ < 1/2}, so every exact second-order point recovers {@code M*}, yet
     * {@code x₀} is a nonstrict saddle point with {@code ‖x₀x₀ᵀ − M*‖ > ‖M*‖}. The same construction with
     * {@code −1 < ε < 0} (so {@code 1/2 < δ < 1}; the gradient at {@code x₀} vanishes for every ε) makes {@code x₀} a
     * strict spurious local minimum, its second eigenvalue {@code −2ε(1+δ)} turning positive: the sharpness of
     * {@code δ < 1/2} for {@code r = r* = 1} (Zhang, Sojoudi, Lavaei, JMLR 2019), used by {@code high-order-table}.
     *
     * @throws IllegalArgumentException unless {@code epsilon > −1}
     */
    public static CounterexampleOperator zhangExample13(double epsilon) {
        if (!(epsilon > -1)) {
            throw new IllegalArgumentException("epsilon must be > -1 (so that delta = 1/(2 + epsilon) < 1), got "
                    + epsilon);
        }
        double delta = 1 / (2 + epsilon);
        double a = Math.sqrt((1 + delta) / 2);
        double b = Math.sqrt((1 - delta) / 2);
        double c = Math.sqrt(1 + delta);
        MeasurementOperator op = DenseMeasurementOperator.of(List.of(
                DenseMatrix.ofRows(new double[][] {{a, 0}, {0, a}}),
                DenseMatrix.ofRows(new double[][] {{b, 0}, {0, -b}}),
                DenseMatrix.ofRows(new double[][] {{0, 0}, {c, 0}}),
                DenseMatrix.ofRows(new double[][] {{0, c}, {0, 0}})));
        DenseMatrix l = DenseMatrix.wrap(2, 1, new double[] {0, Math.sqrt(2 + epsilon)});
        DenseMatrix x0 = DenseMatrix.wrap(2, 1, new double[] {1, 0});
        return new CounterexampleOperator(op, new LowRankMatrix(l, l), new LowRankMatrix(x0, x0),
                "Zhang (2024), Example 1.3");
    }

    /**
     * Zhang (2024), Example 4.5 (Example 1.8 rephrased), the necessity of the balancing regularizer: the identity on
     * {@code n x n} matrices with truth {@code e₁e₁ᵀ}, so that {@code f(U, V) = ½‖UVᵀ − e₁e₁ᵀ‖²_F}, and the spurious
     * point
     * <pre>
     *   U₀ = (1/√ε)[e₂, …, e_{r+1}],   V₀ = 0:   ∇f = 0,   ∇²f ⪰ −ε I,   ‖U₀V₀ᵀ − e₁e₁ᵀ‖ = 1.
     * </pre>
     * The Hessian there is the paper's {@code [[0, −e₁e₁ᵀ], [−e₁e₁ᵀ, I/ε]]}, whose smallest eigenvalue is
     * {@code (1 − √(1 + 4ε²))/(2ε) ≥ −ε}, whatever the RIP constant (here 0) or the overparameterization. The paper
     * writes {@code g = ‖UVᵀ − e₁e₁ᵀ‖²} but its Hessian is that of {@code ½‖·‖²}, the cost here.
     *
     * @throws IllegalArgumentException unless {@code 1 ≤ rank < n} and {@code epsilon > 0}
     */
    public static CounterexampleOperator zhangExample45(int n, int rank, double epsilon) {
        if (rank < 1 || rank >= n) {
            throw new IllegalArgumentException("rank (" + rank + ") must satisfy 1 <= rank < n = " + n);
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("epsilon must be > 0, got " + epsilon);
        }
        double[] e1 = new double[n];
        e1[0] = 1;
        DenseMatrix first = DenseMatrix.wrap(n, 1, e1);
        double[] u0 = new double[n * rank];
        for (int c = 0; c < rank; c++) {
            u0[c + 1 + c * n] = 1 / Math.sqrt(epsilon);
        }
        return new CounterexampleOperator(IdentityMinusRankOneOperator.identity(n, n),
                new LowRankMatrix(first, first),
                new LowRankMatrix(DenseMatrix.wrap(n, rank, u0), DenseMatrix.zeros(n, rank)),
                "Zhang (2024), Example 4.5");
    }

    /**
     * Boumal and Criscitiello (2023), "Benign landscape of low-rank approximation: Part II", the {@code 2 x 2}
     * example at its end (adapted from R. Y. Zhang et al. 2018): {@code A(X)ᵢ = ⟨Aᵢ, X⟩} with
     * <pre>
     *   A₁ = [√2, 0; 0, 1/√2],   A₂ = [0, 2; 0, 0],   A₃ = [0, 0; 2, 0],   A₄ = [0, 0; 0, √(3/2)],
     *   Z = [1, 0; 0, 0],   X = [0, 0; 0, 1/2]   (the spurious point, factored as L = R = [0; 1/√2]).
     * </pre>
     * {@code f(X) = ½‖A(X − Z)‖²} is strongly convex with condition number 4 (the singular values of {@code A} are
     * 2, 2, √3 and 1), yet {@code X} is a strict non-global local minimum over rank ≤ 1: {@code f(X) = 3/4},
     * Riemannian gradient 0 and Hessian eigenvalues 1, 2, 7 on the fixed-rank manifold.
     */
    public static CounterexampleOperator boumalCriscitiello2x2() {
        MeasurementOperator op = DenseMeasurementOperator.of(List.of(
                DenseMatrix.ofRows(new double[][] {{Math.sqrt(2), 0}, {0, 1 / Math.sqrt(2)}}),
                DenseMatrix.ofRows(new double[][] {{0, 2}, {0, 0}}),
                DenseMatrix.ofRows(new double[][] {{0, 0}, {2, 0}}),
                DenseMatrix.ofRows(new double[][] {{0, 0}, {0, Math.sqrt(1.5)}})));
        DenseMatrix e1 = DenseMatrix.wrap(2, 1, new double[] {1, 0});
        DenseMatrix l = DenseMatrix.wrap(2, 1, new double[] {0, 1 / Math.sqrt(2)});
        return new CounterexampleOperator(op, new LowRankMatrix(e1, e1), new LowRankMatrix(l, l),
                "Boumal and Criscitiello (2023), Benign landscape of low-rank approximation: Part II");
    }

    @Override
    public LowRankMatrix truth() {
        return truth;
    }

    @Override
    public LowRankMatrix spuriousPoint() {
        return spurious;
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public int size() {
        return operator.size();
    }

    @Override
    public int rows() {
        return operator.rows();
    }

    @Override
    public int cols() {
        return operator.cols();
    }

    @Override
    public long dataBytes() {
        return operator.dataBytes();
    }

    @Override
    public double[] apply(AmbientMatrix x) {
        return operator.apply(x);
    }

    @Override
    public AmbientMatrix adjoint(double[] w) {
        return operator.adjoint(w);
    }

    @Override
    public FactorJacobian linearize(DenseMatrix u, DenseMatrix v, DenseMatrix p, ResidualWeight weight) {
        return operator.linearize(u, v, p, weight);
    }

    /** The wrapped operator's selection (a batch of measurements is no longer the paper's instance). */
    @Override
    public MeasurementOperator select(int[] measurements) {
        return operator.select(measurements);
    }

    @Override
    public Optional<double[]> ownMeasurements() {
        return operator.ownMeasurements();
    }
}
