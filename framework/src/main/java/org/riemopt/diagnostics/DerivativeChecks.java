package org.riemopt.diagnostics;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

import org.riemopt.manifold.Manifold;
import org.riemopt.problem.Objective;

/**
 * Taylor-slope tests of a problem's Riemannian gradient and Hessian, after Manopt's {@code checkgradient} and
 * {@code checkhessian} (Boumal, <i>An Introduction to Optimization on Smooth Manifolds</i>, 2023, §4.8, §6.8):
 * along a retraction curve {@code c(t) = R_x(t·d)},
 * <ul>
 *   <li>{@code |f(c(t)) − f(x) − t⟨grad f(x), d⟩| = O(t²)} if the gradient is right,</li>
 *   <li>{@code |f(c(t)) − f(x) − t⟨grad f(x), d⟩ − t²/2 ⟨Hess f(x)[d], d⟩| = O(t³)} if the Hessian is right
 *       (and the retraction is second order, or {@code x} is critical).</li>
 * </ul>
 * Step sizes are 51 points log-spaced over {@code [1e-8, 1]}, as Manopt.
 */
public final class DerivativeChecks {

    private static final int POINTS = 51;
    /** A fitted range must span at least this many points (1.1 decades of t). */
    private static final int MIN_WINDOW = 8;
    /** Largest deviation from the fitted line, in decades, for a range to count as straight. */
    private static final double STRAIGHTNESS = 0.1;

    private DerivativeChecks() {
    }

    /** The gradient test along {@code d}. */
    public static <P, T> SlopeCheck gradient(Objective<P, T> problem, P x, T d) {
        Manifold<P, T> m = problem.manifold();
        double f0 = problem.cost(x);
        double slope = m.inner(x, problem.gradient(x), d);
        return fit(t -> Math.abs(problem.cost(m.retract(x, d, t)) - f0 - t * slope), f0);
    }

    /** The Hessian test along {@code d}. */
    public static <P, T> SlopeCheck hessian(Objective<P, T> problem, P x, T d) {
        Manifold<P, T> m = problem.manifold();
        double f0 = problem.cost(x);
        double slope = m.inner(x, problem.gradient(x), d);
        double curvature = m.inner(x, problem.hessian(x, d), d);
        return fit(t -> Math.abs(problem.cost(m.retract(x, d, t)) - f0 - t * slope - 0.5 * t * t * curvature), f0);
    }

    /**
     * {@code |⟨u, Hess[v]⟩ − ⟨Hess[u], v⟩|}, zero up to round-off for a correct (self-adjoint) Hessian.
     */
    public static <P, T> double hessianSymmetryError(Objective<P, T> problem, P x, T u, T v) {
        Manifold<P, T> m = problem.manifold();
        return Math.abs(m.inner(x, u, problem.hessian(x, v)) - m.inner(x, problem.hessian(x, u), v));
    }

    private static SlopeCheck fit(DoubleUnaryOperator error, double f0) {
        double[] t = new double[POINTS];
        double[] e = new double[POINTS];
        for (int k = 0; k < POINTS; k++) {
            t[k] = Math.pow(10, -8 + 8.0 * k / (POINTS - 1));
            e[k] = error.applyAsDouble(t[k]);
        }
        // Errors within a few hundred ulps of f are round-off, not Taylor remainder; when the errors at the smallest
        // steps show the actual round-off to be lower (cancellation in f(c(t)) − f(x) is often exact), that level
        // counts instead, so the straight part of the curve is not cut off where it is already visible.
        double[] smallest = Arrays.copyOf(e, 5);
        Arrays.sort(smallest);
        double floor = Math.min(256 * Math.ulp(Math.max(1.0, Math.abs(f0))), 8 * smallest[2]);
        int bestFrom = -1;
        int bestTo = -1;
        double bestSlope = Double.NaN;
        double bestDeviation = Double.POSITIVE_INFINITY;
        for (int from = 0; from < POINTS; from++) {
            for (int to = from + MIN_WINDOW - 1; to < POINTS; to++) {
                if (e[to] <= floor) {
                    break;
                }
                if (e[from] <= floor) {
                    break;
                }
                double[] line = leastSquares(t, e, from, to);
                if (line[2] > STRAIGHTNESS) {
                    continue;
                }
                boolean longer = to - from > bestTo - bestFrom;
                boolean asLongButStraighter = to - from == bestTo - bestFrom && line[2] < bestDeviation;
                if (bestFrom < 0 || longer || asLongButStraighter) {
                    bestFrom = from;
                    bestTo = to;
                    bestSlope = line[0];
                    bestDeviation = line[2];
                }
            }
        }
        // Exact: every error is round-off of f (a quadratic model of a quadratic cost). Against the round-off level
        // of f itself, not the smallest errors seen, which cancellation may make arbitrarily small.
        double roundOff = 256 * Math.ulp(Math.max(1.0, Math.abs(f0)));
        boolean exact = true;
        for (double v : e) {
            exact &= v <= roundOff;
        }
        return new SlopeCheck(t, e, bestSlope, bestFrom, bestTo, exact);
    }

    /** Fits {@code log10 e = a·log10 t + b} on [from, to]; returns {a, b, max |deviation|}. */
    private static double[] leastSquares(double[] t, double[] e, int from, int to) {
        int n = to - from + 1;
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int k = from; k <= to; k++) {
            double x = Math.log10(t[k]);
            double y = Math.log10(e[k]);
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        double a = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        double b = (sy - a * sx) / n;
        double worst = 0;
        for (int k = from; k <= to; k++) {
            worst = Math.max(worst, Math.abs(Math.log10(e[k]) - (a * Math.log10(t[k]) + b)));
        }
        return new double[] {a, b, worst};
    }
}
