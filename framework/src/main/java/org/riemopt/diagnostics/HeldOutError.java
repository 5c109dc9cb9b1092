package org.riemopt.diagnostics;

import java.util.random.RandomGenerator;

import org.riemopt.linalg.AmbientMatrix;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.linalg.LowRankMatrix;
import org.riemopt.problem.ObservedEntries;

/**
 * The error of a completed matrix on entries it was not given: the root-mean-square of {@code X − M*} over a uniform
 * sample of unobserved entries, relative to the root-mean-square of {@code M*} over the same entries (the
 * generalization error of matrix completion, e.g. Vandereycken 2013, §5). Entries are read from the factors, so
 * neither matrix is formed.
 */
public final class HeldOutError {

    /** How many held-out entries are sampled by default. */
    public static final int DEFAULT_SAMPLES = 10_000;

    private HeldOutError() {
    }

    /**
     * {@code RMS(X − M*) / RMS(M*)} over {@code samples} distinct-position draws of unobserved entries, or
     * {@code NaN} when (almost) every entry is observed.
     */
    public static double relativeRms(AmbientMatrix estimate, AmbientMatrix truth, ObservedEntries observed,
                                     int samples, RandomGenerator random) {
        double error = 0;
        double scale = 0;
        int found = 0;
        // Rejection sampling: unobserved entries are the vast majority in completion; give up if they are not.
        for (long attempts = 0; found < samples && attempts < 100L * samples; attempts++) {
            int i = random.nextInt(truth.rows());
            int j = random.nextInt(truth.cols());
            if (observed.isObserved(i, j)) {
                continue;
            }
            double t = entry(truth, i, j);
            double d = entry(estimate, i, j) - t;
            error += d * d;
            scale += t * t;
            found++;
        }
        return found == 0 ? Double.NaN : Math.sqrt(error / scale);
    }

    private static double entry(AmbientMatrix a, int i, int j) {
        if (a instanceof LowRankMatrix f) {
            return f.entry(i, j);
        }
        if (a instanceof DenseMatrix d) {
            return d.get(i, j);
        }
        double[] unit = new double[a.cols()];
        unit[j] = 1;
        return a.times(DenseMatrix.wrap(a.cols(), 1, unit)).get(i, 0);
    }
}
