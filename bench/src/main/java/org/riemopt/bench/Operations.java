package org.riemopt.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import org.riemopt.manifold.Manifold;
import org.riemopt.problem.Problem;
import org.riemopt.problem.WorkCounts;
import org.riemopt.solver.Result;
import org.riemopt.solver.RunMonitor;
import org.riemopt.spec.Instance;
import org.riemopt.spec.RandomStreams;

/**
 * The measured operations on one instance: a new point, a Hessian-vector product at a fixed point, a whole solve.
 * The benchmark classes call these and hand the results to JMH's black hole.
 *
 * @param <P> point type
 * @param <T> tangent vector type
 */
public final class Operations<P, T> {

    /** Three points: the problem caches the two newest by identity, so rotating three makes every visit new. */
    private static final int ROTATION = 3;

    private final Instance<P, T> instance;
    private final Problem<P, T> problem;
    private final List<P> points = new ArrayList<>(ROTATION);
    private final P fixed;
    private final T direction;
    private int next;

    private Operations(Instance<P, T> instance) {
        this.instance = instance;
        this.problem = instance.problem();
        Manifold<P, T> m = problem.manifold();
        RandomGenerator random = RandomStreams.DIAGNOSTICS.forSeed(instance.seed());
        // Points near the start, as a solver visits them (a retraction of a random step).
        for (int k = 0; k < ROTATION; k++) {
            points.add(m.retract(instance.start(), m.randomTangent(instance.start(), random), 0.1));
        }
        fixed = m.retract(instance.start(), m.randomTangent(instance.start(), random), 0.1);
        direction = m.randomTangent(fixed, random);
    }

    /** The operations on a freshly loaded instance of {@code workload}. */
    public static Operations<?, ?> of(Workload workload) {
        return wrap(workload.load());
    }

    private static <P, T> Operations<P, T> wrap(Instance<P, T> instance) {
        return new Operations<>(instance);
    }

    /** The problem measured. */
    public Problem<P, T> problem() {
        return problem;
    }

    /** Cost and Riemannian gradient at a point the problem has not cached: one linearization. */
    public T newPoint() {
        P x = points.get(next);
        next = (next + 1) % ROTATION;
        problem.cost(x);
        return problem.gradient(x);
    }

    /** One Hessian-vector product at a point linearized before (its first product prepared the curvature term). */
    public T hessianVectorProduct() {
        return problem.hessian(fixed, direction);
    }

    /** The spec's solver from the spec's start. */
    public Result<P> solve() {
        return instance.solver().solve(problem, instance.start(), RunMonitor.none());
    }

    /** The work one solve does, counted on a run of it. */
    public WorkCounts solveWork() {
        WorkCounts before = problem.workCounts();
        solve();
        return problem.workCounts().since(before);
    }
}
