package org.riemopt.spec;

import java.util.Map;

import org.riemopt.linalg.AmbientMatrix;
import org.riemopt.linalg.Frobenius;
import org.riemopt.manifold.SearchSpace;
import org.riemopt.problem.Problem;
import org.riemopt.solver.Solver;

/**
 * A problem spec resolved into objects, ready to solve or check.
 *
 * @param seed    the spec's seed
 * @param space   the manifold and its lifts
 * @param problem the cost
 * @param start   the initial point
 * @param solver  the configured solver
 * @param truth   the ground truth {@code M*} (factored when generated), or {@code null} when the spec gives none
 * @param certify the spec's {@code certify} options (read by the landscape tools), empty when absent
 * @param <P>     point type
 * @param <T>     tangent vector type
 */
public record Instance<P, T>(long seed, SearchSpace<P, T> space, Problem<P, T> problem, P start, Solver solver,
                             AmbientMatrix truth, Map<String, Object> certify) {

    /**
     * {@code ‖φ(x) − M*‖_F / ‖M*‖_F}, or {@code NaN} when the truth is unknown; computed from the factors when both
     * {@code φ(x)} and the truth are factored ({@link Frobenius}), so never forming an {@code m x n} matrix then.
     */
    public double relativeError(P x) {
        if (truth == null) {
            return Double.NaN;
        }
        return Frobenius.distance(problem.lift().matrix(x), truth) / Frobenius.norm(truth);
    }
}
