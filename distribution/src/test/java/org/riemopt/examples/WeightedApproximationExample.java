package org.riemopt.examples;

// README-BEGIN
import java.util.List;
import java.util.Random;

import org.riemopt.diagnostics.DerivativeChecks;
import org.riemopt.linalg.AmbientMatrix;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.manifolds.FixedRankEmbedded;
import org.riemopt.manifolds.FixedRankPoint;
import org.riemopt.manifolds.FixedRankTangent;
import org.riemopt.plugins.solvers.GradientDescent;
import org.riemopt.plugins.solvers.TrustRegionOptions;
import org.riemopt.plugins.solvers.TrustRegions;
import org.riemopt.problem.SmoothCost;
import org.riemopt.solver.Result;

public class WeightedApproximationExample {
    /** Weighted low-rank approximation: minimize ½‖W ⊙ (X − C)‖²_F over 40 x 30 matrices X of rank 3. */
    public static List<Result<FixedRankPoint>> solve() {
        Random random = new Random(7);
        DenseMatrix c = DenseMatrix.gaussian(40, 3, random).timesTranspose(DenseMatrix.gaussian(30, 3, random));
        double[] w2 = new double[40 * 30];                       // W ⊙ W, column-major, entries in [1, 2)
        for (int k = 0; k < w2.length; k++) {
            w2[k] = 1 + random.nextDouble();
        }
        FixedRankEmbedded manifold = new FixedRankEmbedded(40, 30, 3);
        // The cost's Euclidean parts; the manifold turns them into the Riemannian gradient and Hessian.
        SmoothCost<FixedRankPoint, FixedRankTangent> cost = new SmoothCost<>(manifold, new SmoothCost.Function<>() {
            public double value(FixedRankPoint x) {
                DenseMatrix d = x.toMatrix().minus(c);
                return 0.5 * d.inner(weighted(w2, d));
            }
            public AmbientMatrix gradient(FixedRankPoint x) {
                return weighted(w2, x.toMatrix().minus(c));          // W ⊙ W ⊙ (X − C)
            }
            public AmbientMatrix hessian(FixedRankPoint x, FixedRankTangent u) {
                return weighted(w2, manifold.ambient(x, u).toDense()); // W ⊙ W ⊙ Ẋ
            }
        });
        FixedRankPoint start = manifold.random(random);
        // Check the derivatives from Java, as `riemopt check` does: slopes 2 and 3.
        FixedRankTangent d = manifold.randomTangent(start, random);
        System.err.printf("gradient slope %.2f, Hessian slope %.2f%n",
                DerivativeChecks.gradient(cost, start, d).slope(), DerivativeChecks.hessian(cost, start, d).slope());
        // Two solvers from the same start.
        return List.of(new TrustRegions(TrustRegionOptions.DEFAULTS).solve(cost, start, List.of()),
                new GradientDescent(GradientDescent.Options.DEFAULTS).solve(cost, start, List.of()));
    }

    /** The entrywise product {@code w ⊙ m}. */
    static DenseMatrix weighted(double[] w, DenseMatrix m) {
        double[] out = m.data().clone();
        for (int k = 0; k < out.length; k++) {
            out[k] *= w[k];
        }
        return DenseMatrix.wrap(m.rows(), m.cols(), out);
    }
}
// README-END
