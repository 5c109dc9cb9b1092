package org.riemopt.landscape;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import org.riemopt.manifold.Manifold;
import org.riemopt.problem.Problem;

/**
 * The best decrease of the cost found near a point, after the question of Ma and Fattahi (seed 001, "is the true
 * solution a local minimum?"; their §4 shows {@code f(W + ΔW) − f(W) = −Ω(γ)} for some {@code ΔW} in the Frobenius
 * ball {@code B_F(γ)}): for a radius {@code γ},
 * <pre>
 *   decrease(γ) = f(x) − min { f(R_x(ξ)) : ξ ∈ T_x M, ‖ξ‖ ≤ γ }   (as far as the search finds it),
 * </pre>
 * in the coordinates of the manifold's points: on a Euclidean space of factors {@code R_x(ξ) = x + ξ}, the Frobenius
 * ball of radius {@code γ} around the factor (seed 001's {@code ΔW}); on other manifolds the image of the tangent ball
 * under the retraction. The search is projected gradient descent on {@code φ(ξ) = f(R_x(ξ))} over the ball, from
 * {@code ξ = 0}, from {@code ±γ v} for the Lanczos eigenvector {@code v} of the smallest Hessian eigenvalue, and from
 * {@code directions} seeded random tangents of norm {@code γ}; the gradient of {@code φ} is approximated by the
 * Riemannian gradient at {@code R_x(ξ)} transported back to {@code x} (exact on a Euclidean space). Every point
 * evaluated is feasible, so the value is a lower bound on the true best decrease.
 *
 * <p>Reading it: at a point that is not critical the decrease grows like {@code γ} (the gradient term), at a saddle
 * like {@code γ²} (negative curvature), and at a local minimum it stays at or below 0 (up to round-off) for small
 * {@code γ}. {@link #exponent} fits the order.
 */
public final class LocalDescent {

    /** Decreases within this many ulps of {@code f(x)} are round-off ({@link #roundOff}). */
    private static final int ROUND_OFF_ULPS = 64;

    /** Projected-gradient steps per start. */
    private static final int STEPS = 30;
    /** Step halvings tried before a start is given up. */
    private static final int BACKTRACKS = 30;

    private LocalDescent() {
    }

    /**
     * The best decrease within radius {@code γ}.
     *
     * @param minVector a unit tangent vector of most negative curvature (or {@code null})
     */
    public static <P, T> double decrease(Problem<P, T> problem, P x, double radius, T minVector, int directions,
                                         RandomGenerator random) {
        Manifold<P, T> m = problem.manifold();
        double f0 = problem.cost(x);
        List<T> starts = new ArrayList<>();
        starts.add(m.zeroTangent(x));
        if (minVector != null) {
            starts.add(m.lincomb(x, radius, minVector, 0, minVector));
            starts.add(m.lincomb(x, -radius, minVector, 0, minVector));
        }
        for (int i = 0; i < directions; i++) {
            T d = m.randomTangent(x, random);
            starts.add(m.lincomb(x, radius / m.norm(x, d), d, 0, d));
        }
        double best = Double.NEGATIVE_INFINITY;
        for (T start : starts) {
            best = Math.max(best, f0 - search(problem, x, start, radius));
        }
        return best;
    }

    /** The lowest cost found by projected gradient descent from {@code ξ}; {@code f(x)} itself is not counted. */
    private static <P, T> double search(Problem<P, T> problem, P x, T start, double radius) {
        Manifold<P, T> m = problem.manifold();
        T xi = start;
        P y = m.retract(x, xi, 1);
        double value = problem.cost(y);
        boolean atX = m.norm(x, xi) == 0;
        double lowest = atX ? Double.POSITIVE_INFINITY : value;
        for (int step = 0; step < STEPS; step++) {
            T g = m.transport(y, x, problem.gradient(y));
            double gnorm = m.norm(x, g);
            if (!(gnorm > 0)) {
                break;
            }
            // First try a step as long as the ball's diameter, then halve until the cost decreases.
            double eta = 2 * radius / gnorm;
            boolean improved = false;
            for (int k = 0; k < BACKTRACKS && !improved; k++, eta /= 2) {
                T trial = ball(m, x, m.lincomb(x, 1, xi, -eta, g), radius);
                P candidate = m.retract(x, trial, 1);
                double c = problem.cost(candidate);
                if (c < value) {
                    xi = trial;
                    y = candidate;
                    value = c;
                    improved = true;
                }
            }
            lowest = Math.min(lowest, value);
            if (!improved) {
                break;
            }
        }
        return lowest;
    }

    /** The projection onto the ball {@code ‖ξ‖ ≤ γ}: a radial rescaling. */
    private static <P, T> T ball(Manifold<P, T> m, P x, T xi, double radius) {
        double norm = m.norm(x, xi);
        return norm <= radius ? xi : m.lincomb(x, radius / norm, xi, 0, xi);
    }

    /** The round-off level of decreases from a cost {@code f0}: {@code 64·ulp(max(1, |f0|))}. */
    public static double roundOff(double f0) {
        return ROUND_OFF_ULPS * Math.ulp(Math.max(1.0, Math.abs(f0)));
    }

    /**
     * The least-squares slope of {@code log decrease} against {@code log γ} over the radii whose decrease exceeds
     * {@code floor} (the round-off level of the cost): about 1 at a non-critical point, 2 at a saddle; {@code NaN}
     * with fewer than two such radii.
     */
    public static double exponent(double[] radii, double[] decreases, double floor) {
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int n = 0;
        for (int i = 0; i < radii.length; i++) {
            if (decreases[i] > floor) {
                double a = Math.log(radii[i]);
                double b = Math.log(decreases[i]);
                sx += a;
                sy += b;
                sxx += a * a;
                sxy += a * b;
                n++;
            }
        }
        double denominator = n * sxx - sx * sx;
        return n < 2 || !(denominator > 0) ? Double.NaN : (n * sxy - sx * sy) / denominator;
    }
}
