package org.riemopt.plugins.solvers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.riemopt.linalg.AmbientMatrix;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.manifold.Manifold;
import org.riemopt.manifolds.Euclidean;
import org.riemopt.manifolds.XxtLift;
import org.riemopt.plugins.losses.L2Loss;
import org.riemopt.plugins.operators.CounterexampleOperator;
import org.riemopt.plugins.solvers.StochasticGradient.Momentum;
import org.riemopt.plugins.solvers.StochasticGradient.Options;
import org.riemopt.plugins.solvers.StochasticGradient.Sampling;
import org.riemopt.problem.Problem;
import org.riemopt.problem.SmoothCost;
import org.riemopt.problem.StochasticObjective;
import org.riemopt.solver.IterationRecord;
import org.riemopt.solver.Result;
import org.riemopt.solver.SolverOptions;

class StochasticGradientTest {

    private static final double EPSILON = 0.01;

    @Test
    void lowersTheCostOnSensingAndReachesTheGradientTolerance() {
        SensingFixture f = new SensingFixture(3);
        StochasticGradient sgd = new StochasticGradient(new Options(
                SolverOptions.DEFAULTS.withGradientTolerance(1e-6).withMaxIterations(200_000), Momentum.NESTEROV,
                0.01, 0.9, 1, Sampling.CYCLIC_SHUFFLED, 1, 4, 0));
        Result<DenseMatrix> r = sgd.solve(f.problem, f.start, List.of());
        assertEquals("gradientTolerance", r.stopReason().criterion());
        assertTrue(r.cost() < r.trace().get(0).cost() * 1e-6, "cost " + r.cost());
        assertTrue(f.relativeError(r.point()) < 1e-4, "relative error " + f.relativeError(r.point()));
        // Records come once per epoch (90 steps) and cost one pass for the cost and one for the gradient each;
        // the steps read one measurement each.
        assertEquals(0, r.iterations() % 90, "the gradient tolerance is checked at the end of an epoch");
        assertEquals(r.iterations() / 90 + 1, r.trace().size());
        assertEquals(r.iterations(), f.operator.selected);
        assertTrue(f.operator.passes <= 2 * r.trace().size(), f.operator.passes + " passes");
    }

    @Test
    void maxIterationsCountsStepsAndRecordsAreNumberedBySteps() {
        Problem<DenseMatrix, DenseMatrix> p = example13(EPSILON);
        List<Integer> seen = new ArrayList<>();
        Result<DenseMatrix> r = nesterov(10, 0).solve(p, start(1), List.of(rec -> seen.add(rec.iteration())));
        assertEquals(10, r.iterations());
        assertEquals("maxIterations", r.stopReason().criterion());
        assertEquals(List.of(0, 4, 8, 10), seen, "an epoch of 4 steps per record, then the 2 that remain");
        assertEquals(seen, r.trace().stream().map(IterationRecord::iteration).toList());
        assertEquals(2, r.trace().get(3).extra().get("epoch"));
        assertEquals(1e-2, (double) r.trace().get(3).extra().get("stepLength"));
    }

    @Test
    void theFirstTwoNesterovStepsFollowSeed002() {
        Problem<DenseMatrix, DenseMatrix> p = example13(EPSILON);
        List<int[]> batches = new ArrayList<>();
        StochasticObjective<DenseMatrix, DenseMatrix> spy = new Spy(p, batches);
        DenseMatrix x0 = start(2);
        Result<DenseMatrix> r = nesterov(2, 0).solve(spy, x0, List.of());
        assertEquals(2, batches.size());
        // By hand: ∇fᵢ(x) = ⟨Aᵢ, xxᵀ − M*⟩ (Aᵢ + Aᵢᵀ) x, V ← βV − α∇fᵢ(X), X ← X + βV − α∇fᵢ(X).
        double alpha = 1e-2;
        double beta = 0.9;
        double[] x = x0.data().clone();
        double[] v = {0, 0};
        for (int[] batch : batches) {
            assertEquals(1, batch.length);
            double[] g = termGradient(batch[0], x, EPSILON);
            for (int k = 0; k < 2; k++) {
                v[k] = beta * v[k] - alpha * g[k];
                x[k] = x[k] + beta * v[k] - alpha * g[k];
            }
        }
        assertArrayEquals(x, r.point().data(), 1e-15);
    }

    @Test
    void theHeavyBallStepIsTheVelocity() {
        Problem<DenseMatrix, DenseMatrix> p = example13(EPSILON);
        List<int[]> batches = new ArrayList<>();
        DenseMatrix x0 = start(3);
        Result<DenseMatrix> r = new StochasticGradient(new Options(SolverOptions.DEFAULTS.withMaxIterations(3),
                Momentum.HEAVY_BALL, 1e-2, 0.5, 1, Sampling.WITH_REPLACEMENT, 1, 9, 0))
                .solve(new Spy(p, batches), x0, List.of());
        double[] x = x0.data().clone();
        double[] v = {0, 0};
        for (int[] batch : batches) {
            double[] g = termGradient(batch[0], x, EPSILON);
            for (int k = 0; k < 2; k++) {
                v[k] = 0.5 * v[k] - 1e-2 * g[k];
                x[k] += v[k];
            }
        }
        assertArrayEquals(x, r.point().data(), 1e-15);
    }

    /**
     * Seed 002, Figure 1.1: Nesterov SGD on Example 1.3 (ε = 1e-2) from X₀ ~ N(0, I) ends after 10⁴ steps either at a
     * global minimum (0, ±√(2+ε)) or stalled at the nonstrict saddle (±1, 0); most starts reach the minimum.
     */
    @Test
    void onZhangsExample13ItEndsAtTheMinimumOrStallsAtTheSaddle() {
        Problem<DenseMatrix, DenseMatrix> p = example13(EPSILON);
        double root = Math.sqrt(2 + EPSILON);
        int minima = 0;
        int seeds = 12;
        for (int seed = 0; seed < seeds; seed++) {
            double[] x = nesterov(10_000, seed).solve(p, start(100 + seed), List.of()).point().data();
            double toMinimum = Math.hypot(x[0], Math.abs(x[1]) - root);
            double toSaddle = Math.hypot(Math.abs(x[0]) - 1, x[1]);
            assertTrue(toMinimum < 0.05 || toSaddle < 0.05, "seed " + seed + " ends at (" + x[0] + ", " + x[1] + ")");
            if (toMinimum < 0.05) {
                minima++;
            }
        }
        assertTrue(minima > seeds / 2, minima + " of " + seeds + " reach the minimum");
    }

    @Test
    void oneSeedGivesABitIdenticalTrace() {
        SensingFixture f = new SensingFixture(4);
        for (Sampling sampling : Sampling.values()) {
            StochasticGradient sgd = new StochasticGradient(new Options(SolverOptions.DEFAULTS.withMaxIterations(
                    500), Momentum.HEAVY_BALL, 0.01, 0.8, 3, sampling, 0.9, 77, 50));
            Result<DenseMatrix> a = sgd.solve(f.problem, f.start, List.of());
            Result<DenseMatrix> b = sgd.solve(f.problem, f.start, List.of());
            assertArrayEquals(a.point().data(), b.point().data());
            assertEquals(a.trace().size(), b.trace().size());
            for (int k = 0; k < a.trace().size(); k++) {
                IterationRecord ra = a.trace().get(k);
                IterationRecord rb = b.trace().get(k);
                assertEquals(ra.iteration(), rb.iteration());
                assertEquals(ra.cost(), rb.cost());
                assertEquals(ra.gradientNorm(), rb.gradientNorm());
                assertEquals(ra.stepSize(), rb.stepSize());
                assertEquals(ra.extra(), rb.extra());
            }
            Result<DenseMatrix> other = new StochasticGradient(new Options(SolverOptions.DEFAULTS.withMaxIterations(
                    500), Momentum.HEAVY_BALL, 0.01, 0.8, 3, sampling, 0.9, 78, 50)).solve(f.problem, f.start,
                    List.of());
            assertTrue(other.cost() != a.cost(), "another seed, another run");
        }
    }

    @Test
    void refusesAnObjectiveThatIsNotASumOfTerms() {
        Euclidean e = new Euclidean(2, 1);
        SmoothCost<DenseMatrix, DenseMatrix> cost = new SmoothCost<>(e, new SmoothCost.Function<>() {
            @Override public double value(DenseMatrix x) { return x.normF(); }
            @Override public AmbientMatrix gradient(DenseMatrix x) { return x; }
            @Override public AmbientMatrix hessian(DenseMatrix x, DenseMatrix u) { return u; }
        });
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> nesterov(10, 0).solve(cost, start(0), List.of()));
        assertEquals("sgd needs a cost that is a sum of terms (a StochasticObjective, such as a measurement "
                + "problem), but got a SmoothCost; use a deterministic solver such as gradient-descent",
                error.getMessage());
    }

    @Test
    void refusesBadOptions() {
        assertEquals("beta must be in [0, 1), got 1.0", assertThrows(IllegalArgumentException.class,
                () -> new Options(SolverOptions.DEFAULTS, Momentum.NESTEROV, 0.1, 1, 1, Sampling.CYCLIC_SHUFFLED, 1,
                        0, 0)).getMessage());
        assertEquals("momentum 'polyak': allowed: none, heavy-ball, nesterov", assertThrows(
                IllegalArgumentException.class, () -> Momentum.of("polyak")).getMessage());
    }

    /** Seed 002's solver: Nesterov, α = 1e-2, β = 0.9, batch 1, cyclic and reshuffled each epoch. */
    private static StochasticGradient nesterov(int steps, long seed) {
        return new StochasticGradient(new Options(SolverOptions.DEFAULTS.withMaxIterations(steps)
                .withGradientTolerance(0), Momentum.NESTEROV, 1e-2, 0.9, 1, Sampling.CYCLIC_SHUFFLED, 1, seed, 0));
    }

    /** Zhang (2024), Example 1.3: {@code ½‖A(xxᵀ − M*)‖²} on R², as the spec {@code rip-example, example: "1.3"}. */
    private static Problem<DenseMatrix, DenseMatrix> example13(double epsilon) {
        CounterexampleOperator a = CounterexampleOperator.zhangExample13(epsilon);
        return new Problem<>(new Euclidean(2, 1), new XxtLift(2, 1), a, a.apply(a.truth()), new L2Loss(), List.of());
    }

    /** {@code X₀ ~ N(0, I₂)}. */
    private static DenseMatrix start(long seed) {
        return DenseMatrix.gaussian(2, 1, new Random(seed));
    }

    /** {@code ∇fᵢ(x) = ⟨Aᵢ, xxᵀ − M*⟩ (Aᵢ + Aᵢᵀ) x} for the four matrices of Example 1.3, written out. */
    private static double[] termGradient(int i, double[] x, double epsilon) {
        double delta = 1 / (2 + epsilon);
        double a = Math.sqrt((1 + delta) / 2);
        double b = Math.sqrt((1 - delta) / 2);
        double c = Math.sqrt(1 + delta);
        double[][] ai = switch (i) {
            case 0 -> new double[][] {{a, 0}, {0, a}};
            case 1 -> new double[][] {{b, 0}, {0, -b}};
            case 2 -> new double[][] {{0, 0}, {c, 0}};
            default -> new double[][] {{0, c}, {0, 0}};
        };
        double[][] e = {{x[0] * x[0], x[0] * x[1]}, {x[1] * x[0], x[1] * x[1] - (2 + epsilon)}};
        double residual = 0;
        for (int j = 0; j < 2; j++) {
            for (int k = 0; k < 2; k++) {
                residual += ai[j][k] * e[j][k];
            }
        }
        double[] g = new double[2];
        for (int j = 0; j < 2; j++) {
            for (int k = 0; k < 2; k++) {
                g[j] += residual * (ai[j][k] + ai[k][j]) * x[k];
            }
        }
        return g;
    }

    /** A problem that records the batches asked for. */
    private record Spy(Problem<DenseMatrix, DenseMatrix> inner, List<int[]> batches)
            implements StochasticObjective<DenseMatrix, DenseMatrix> {
        @Override public Manifold<DenseMatrix, DenseMatrix> manifold() { return inner.manifold(); }
        @Override public double cost(DenseMatrix x) { return inner.cost(x); }
        @Override public DenseMatrix gradient(DenseMatrix x) { return inner.gradient(x); }
        @Override public DenseMatrix hessian(DenseMatrix x, DenseMatrix u) { return inner.hessian(x, u); }
        @Override public int terms() { return inner.terms(); }
        @Override public DenseMatrix batchGradient(DenseMatrix x, int[] batch) {
            batches.add(batch.clone());
            return inner.batchGradient(x, batch);
        }
    }
}
