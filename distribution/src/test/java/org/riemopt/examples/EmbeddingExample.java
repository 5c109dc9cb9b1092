package org.riemopt.examples;

// README-BEGIN
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.riemopt.linalg.DenseMatrix;
import org.riemopt.manifolds.Euclidean;
import org.riemopt.manifolds.XxtLift;
import org.riemopt.plugins.losses.L2Loss;
import org.riemopt.plugins.solvers.TrustRegionOptions;
import org.riemopt.plugins.solvers.TrustRegions;
import org.riemopt.problem.DenseMeasurementOperator;
import org.riemopt.problem.Problem;
import org.riemopt.solver.Result;

public class EmbeddingExample {
    public static Result<DenseMatrix> recover() {
        Random random = new Random(42);
        // Build the instance: M* = Z Zᵀ (30 x 30, rank 2), 150 symmetric Gaussian measurements b = A(M*).
        DenseMatrix z = DenseMatrix.gaussian(30, 2, random);
        List<DenseMatrix> sensing = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            DenseMatrix g = DenseMatrix.gaussian(30, 30, random);
            sensing.add(g.plus(g.transpose()).scale(0.5 / Math.sqrt(150)));
        }
        DenseMeasurementOperator a = DenseMeasurementOperator.of(sensing);
        // The cost ½‖A(XXᵀ) − b‖² over factors X in R^(30 x 2).
        Problem<DenseMatrix, DenseMatrix> problem = new Problem<>(new Euclidean(30, 2), new XxtLift(30, 2), a,
                a.apply(z.timesTranspose(z)), new L2Loss(), List.of());
        // Solve with Manopt's trust-region defaults from a random start, printing each iteration.
        TrustRegions solver = new TrustRegions(TrustRegionOptions.DEFAULTS);
        return solver.solve(problem, DenseMatrix.gaussian(30, 2, random),
                List.of(r -> System.err.printf("%3d  f = %.3e  |grad| = %.3e%n", r.iteration(), r.cost(),
                        r.gradientNorm())));
    }
}
// README-END
