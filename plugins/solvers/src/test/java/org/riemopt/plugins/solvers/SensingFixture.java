package org.riemopt.plugins.solvers;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.riemopt.linalg.AmbientMatrix;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.manifolds.Euclidean;
import org.riemopt.manifolds.XxtLift;
import org.riemopt.plugins.losses.L2Loss;
import org.riemopt.problem.DenseMeasurementOperator;
import org.riemopt.problem.FactorJacobian;
import org.riemopt.problem.MeasurementOperator;
import org.riemopt.problem.ResidualWeight;
import org.riemopt.problem.Problem;

/**
 * A seeded symmetric Gaussian sensing instance through {@code XXᵀ} (by default n = 15, r* = r = 2, m = 90), whose
 * operator counts the passes over its data.
 */
final class SensingFixture {

    final DenseMatrix truth;
    final CountingOperator operator;
    final Problem<DenseMatrix, DenseMatrix> problem;
    final DenseMatrix start;

    SensingFixture(long seed) {
        this(seed, 2, 2, 90);
    }

    /** An instance with true rank {@code trueRank}, search rank {@code rank} and {@code m} measurements. */
    SensingFixture(long seed, int trueRank, int rank, int m) {
        Random random = new Random(seed);
        int n = 15;
        DenseMatrix z = DenseMatrix.gaussian(n, trueRank, random);
        truth = z.timesTranspose(z);
        List<DenseMatrix> a = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            DenseMatrix g = DenseMatrix.gaussian(n, n, random);
            a.add(g.plus(g.transpose()).scale(0.5 / Math.sqrt(m)));
        }
        operator = new CountingOperator(DenseMeasurementOperator.of(a));
        problem = new Problem<>(new Euclidean(n, rank), new XxtLift(n, rank), operator, operator.apply(truth),
                new L2Loss(), List.of());
        operator.passes = 0;
        start = DenseMatrix.gaussian(n, rank, random);
    }

    double relativeError(DenseMatrix x) {
        return x.timesTranspose(x).minus(truth).normF() / truth.normF();
    }

    /**
     * Delegates to a dense operator and counts every read of its data: full passes, and the measurements read by
     * selections (a batch's sub-operator, whose own work is on those measurements only).
     */
    static final class CountingOperator implements MeasurementOperator {
        private final MeasurementOperator inner;
        int passes;
        long selected;

        CountingOperator(MeasurementOperator inner) {
            this.inner = inner;
        }

        @Override public int size() { return inner.size(); }
        @Override public long dataBytes() { return inner.dataBytes(); }
        @Override public int rows() { return inner.rows(); }
        @Override public int cols() { return inner.cols(); }
        @Override public double[] apply(AmbientMatrix x) { passes++; return inner.apply(x); }
        @Override public AmbientMatrix adjoint(double[] w) { passes++; return inner.adjoint(w); }
        @Override public FactorJacobian linearize(DenseMatrix u, DenseMatrix v, DenseMatrix p,
                                                  ResidualWeight weight) {
            passes++;
            return inner.linearize(u, v, p, weight);
        }
        @Override public MeasurementOperator select(int[] measurements) {
            selected += measurements.length;
            return inner.select(measurements);
        }
    }
}
