package org.riemopt.plugins.solvers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.riemopt.linalg.AmbientMatrix;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.manifolds.Euclidean;
import org.riemopt.manifolds.FixedRankEmbedded;
import org.riemopt.manifolds.FixedRankIdentityLift;
import org.riemopt.manifolds.FixedRankPoint;
import org.riemopt.manifolds.FixedRankTangent;
import org.riemopt.manifolds.XxtLift;
import org.riemopt.plugins.losses.L2Loss;
import org.riemopt.plugins.operators.CompletionOperator;
import org.riemopt.problem.Problem;
import org.riemopt.problem.Regularizer;
import org.riemopt.problem.StochasticObjective;

/**
 * {@link Problem} as a {@link StochasticObjective}: the batch gradients of an epoch (a partition of the measurements
 * into batches) sum to the full gradient, on dense sensing with and without a regularizer and on completion; a batch
 * reads its measurements only; repeats count with multiplicity.
 */
class BatchGradientTest {

    @Test
    void anEpochOfBatchesSumsToTheFullGradientOnDenseSensing() {
        SensingFixture f = new SensingFixture(5);
        for (int batchSize : new int[] {1, 7, 90}) {
            assertEpochSumsToGradient(f.problem, f.start, batchSize, 11);
        }
    }

    @Test
    void regularizersAreSpreadEvenlyOverTheBatches() {
        SensingFixture f = new SensingFixture(6);
        Problem<DenseMatrix, DenseMatrix> regularized = new Problem<>(f.problem.manifold(), f.problem.lift(),
                f.problem.operator(), f.operator.apply(f.truth), new L2Loss(), List.of(new HalfSquaredNorm(0.3)));
        assertEpochSumsToGradient(regularized, f.start, 4, 12);
        // One measurement's batch gradient carries 1/m of the regularizer's gradient.
        Problem<DenseMatrix, DenseMatrix> plain = f.problem;
        DenseMatrix difference = regularized.batchGradient(f.start, new int[] {3})
                .minus(plain.batchGradient(f.start, new int[] {3}));
        DenseMatrix expected = f.start.scale(0.3 / 90);
        assertEquals(0, difference.minus(expected).normF() / expected.normF(), 1e-12);
    }

    @Test
    void anEpochOfBatchesSumsToTheFullGradientOnCompletion() {
        Random random = new Random(7);
        int rows = 12;
        int cols = 9;
        FixedRankEmbedded manifold = new FixedRankEmbedded(rows, cols, 2);
        CompletionOperator operator = CompletionOperator.sample(rows, cols, 60, random);
        FixedRankPoint truth = manifold.random(random);
        Problem<FixedRankPoint, FixedRankTangent> problem = new Problem<>(manifold,
                new FixedRankIdentityLift(rows, cols), operator,
                operator.apply(new FixedRankIdentityLift(rows, cols).matrix(truth)), new L2Loss(), List.of());
        assertEpochSumsToGradient(problem, manifold.random(random), 5, 13);
    }

    @Test
    void aBatchReadsOnlyItsMeasurementsAndLeavesTheCacheAlone() {
        SensingFixture f = new SensingFixture(8);
        double cost = f.problem.cost(f.start);
        int passes = f.operator.passes;
        f.problem.batchGradient(f.start, new int[] {4, 2});
        assertEquals(passes, f.operator.passes, "no pass over all measurements");
        assertEquals(2, f.operator.selected, "two measurements read");
        assertEquals(cost, f.problem.cost(f.start));
        assertEquals(passes, f.operator.passes, "the cached point is still cached");
    }

    @Test
    void aRepeatedMeasurementCountsTwice() {
        SensingFixture f = new SensingFixture(9);
        DenseMatrix twice = f.problem.batchGradient(f.start, new int[] {5, 1, 5});
        DenseMatrix once = f.problem.batchGradient(f.start, new int[] {5}).scale(2)
                .plus(f.problem.batchGradient(f.start, new int[] {1}));
        assertEquals(0, twice.minus(once).normF() / once.normF(), 1e-12);
    }

    @Test
    void refusesAnEmptyBatchAndIndicesOutOfRange() {
        SensingFixture f = new SensingFixture(10);
        assertEquals("batchGradient: the batch is empty", assertThrows(IllegalArgumentException.class,
                () -> f.problem.batchGradient(f.start, new int[0])).getMessage());
        assertEquals("batchGradient: measurement 90 is not in [0, 90)", assertThrows(IllegalArgumentException.class,
                () -> f.problem.batchGradient(f.start, new int[] {0, 90})).getMessage());
    }

    /** Sums the batch gradients over a shuffled partition of the measurements and compares with the gradient. */
    private static <P, T> void assertEpochSumsToGradient(StochasticObjective<P, T> problem, P x, int batchSize,
                                                        long seed) {
        int m = problem.terms();
        int[] order = new int[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = m - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        var manifold = problem.manifold();
        T sum = manifold.zeroTangent(x);
        for (int from = 0; from < m; from += batchSize) {
            int[] batch = Arrays.copyOfRange(order, from, Math.min(m, from + batchSize));
            sum = manifold.lincomb(x, 1, sum, 1, problem.batchGradient(x, batch));
        }
        T full = problem.gradient(x);
        double error = manifold.norm(x, manifold.lincomb(x, 1, sum, -1, full)) / manifold.norm(x, full);
        assertTrue(error < 1e-12, "batch size " + batchSize + ": relative error " + error);
    }

    /** {@code (λ/2)‖X‖²}, its gradient handed out as a view (not a dense matrix), as a lazy regularizer would. */
    private record HalfSquaredNorm(double lambda) implements Regularizer<DenseMatrix, DenseMatrix> {
        @Override
        public double value(DenseMatrix x) {
            return lambda / 2 * x.normF() * x.normF();
        }

        @Override
        public AmbientMatrix euclideanGradient(DenseMatrix x) {
            DenseMatrix g = x.scale(lambda);
            return new AmbientMatrix() {
                @Override public int rows() { return g.rows(); }
                @Override public int cols() { return g.cols(); }
                @Override public DenseMatrix times(DenseMatrix v) { return g.times(v); }
                @Override public DenseMatrix transposeTimes(DenseMatrix u) { return g.transposeTimes(u); }
                @Override public DenseMatrix toDense() { return g; }
            };
        }

        @Override
        public AmbientMatrix euclideanHessian(DenseMatrix x, DenseMatrix u) {
            return u.scale(lambda);
        }
    }
}
