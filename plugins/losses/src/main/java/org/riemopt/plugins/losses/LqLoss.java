package org.riemopt.plugins.losses;

import org.riemopt.problem.Loss;

/**
 * The power loss {@code ℓ(r) = (1/q)|r|^q} ({@code q ≥ 1}), or its smoothed form {@code ℓ(r) = (1/q)(r² + μ²)^{q/2}}
 * when {@code μ > 0}, under three spec names:
 * <ul>
 *   <li>{@code lq}: any {@code q ≥ 1} and smoothing {@code μ ≥ 0}; the ℓq losses of the robust recovery of
 *       "Can learning be explained by local optimality in robust low-rank matrix recovery?" (arXiv 2302.10963);</li>
 *   <li>{@code l1}: {@code q = 1}, {@code μ = 0}, {@code ℓ(r) = |r|}, the robust loss of the same paper;</li>
 *   <li>{@code high-order}: {@code q = l} an integer {@code ≥ 3}, {@code μ = 0}, the term {@code f^l} of Ma, Chen,
 *       Lavaei, Sojoudi, "Absence of spurious solutions far from ground truth: a low-rank analysis with high-order
 *       losses" (2024), equation (9a).</li>
 * </ul>
 *
 * <p>Derivatives: {@code ℓ'(r) = sign(r)|r|^{q−1}} and {@code ℓ''(r) = (q − 1)|r|^{q−2}} without smoothing;
 * {@code ℓ'(r) = r(r² + μ²)^{q/2−1}} and {@code ℓ''(r) = (r² + μ²)^{q/2−2}(μ² + (q − 1)r²)} with it. At {@code r = 0}
 * without smoothing, {@code ℓ'(0) = 0}: for {@code q = 1} that is a Clarke subgradient (any value in {@code [−1, 1]}
 * is one), so first-order solvers can run. The loss is twice continuously differentiable iff {@code μ > 0} or
 * {@code q ≥ 2}: for {@code 1 < q < 2} the second derivative is infinite at 0 (and is returned as such), for
 * {@code q = 1} it is a Dirac mass there (0 is returned, the value everywhere else).
 */
public final class LqLoss implements Loss {

    private final String name;
    private final double q;
    private final double smoothing;

    private LqLoss(String name, double q, double smoothing) {
        this.name = name;
        this.q = q;
        this.smoothing = smoothing;
    }

    /**
     * The {@code lq} loss.
     *
     * @param q         the power, {@code ≥ 1}
     * @param smoothing {@code μ ≥ 0}; 0 for the plain power
     * @throws IllegalArgumentException if a parameter is out of range
     */
    public static LqLoss lq(double q, double smoothing) {
        if (!(q >= 1) || !Double.isFinite(q)) {
            throw new IllegalArgumentException("q: got " + q + "; must be a finite number >= 1");
        }
        if (!(smoothing >= 0) || !Double.isFinite(smoothing)) {
            throw new IllegalArgumentException("smoothing: got " + smoothing + "; must be a finite number >= 0 "
                    + "(0 for no smoothing)");
        }
        return new LqLoss("lq", q, smoothing);
    }

    /** The {@code l1} loss {@code |r|}. */
    public static LqLoss l1() {
        return new LqLoss("l1", 1, 0);
    }

    /**
     * The {@code high-order} loss {@code (1/l)|r|^l}.
     *
     * @param order {@code l}, an integer {@code ≥ 3} (order 2 is {@code l2}, which has its own name)
     * @throws IllegalArgumentException if {@code order < 3}
     */
    public static LqLoss highOrder(int order) {
        if (order < 3) {
            throw new IllegalArgumentException("order: got " + order + "; must be an integer >= 3 (order 2 is the "
                    + "loss l2)");
        }
        return new LqLoss("high-order", order, 0);
    }

    @Override
    public String name() {
        return name;
    }

    /** The power {@code q}. */
    public double q() {
        return q;
    }

    /** The smoothing {@code μ}. */
    public double smoothing() {
        return smoothing;
    }

    @Override
    public double value(double r) {
        if (smoothing == 0) {
            return Math.pow(Math.abs(r), q) / q;
        }
        return Math.pow(r * r + smoothing * smoothing, q / 2) / q;
    }

    @Override
    public double derivative(double r) {
        if (smoothing == 0) {
            // signum(0) = 0 also for q = 1, where pow(0, 0) = 1: the subgradient 0 at the kink.
            return Math.signum(r) * Math.pow(Math.abs(r), q - 1);
        }
        return r * Math.pow(r * r + smoothing * smoothing, q / 2 - 1);
    }

    @Override
    public double secondDerivative(double r) {
        if (smoothing == 0) {
            // For q = 1, (q - 1)·|0|^(-1) would be 0·∞; the second derivative is 0 wherever it exists.
            return q == 1 ? 0 : (q - 1) * Math.pow(Math.abs(r), q - 2);
        }
        double s = r * r + smoothing * smoothing;
        return Math.pow(s, q / 2 - 2) * (smoothing * smoothing + (q - 1) * r * r);
    }

    @Override
    public boolean isTwiceDifferentiable() {
        return smoothing > 0 || q >= 2;
    }
}
