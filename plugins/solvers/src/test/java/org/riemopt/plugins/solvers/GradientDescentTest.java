package org.riemopt.plugins.solvers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.solver.IterationRecord;
import org.riemopt.solver.Result;
import org.riemopt.solver.SolverOptions;

class GradientDescentTest {

    @Test
    void decreasesTheCostMonotonicallyAndConverges() {
        SensingFixture f = new SensingFixture(3);
        GradientDescent gd = new GradientDescent(new GradientDescent.Options(
                SolverOptions.DEFAULTS.withGradientTolerance(1e-6).withMaxIterations(5000), ArmijoLineSearch.DEFAULTS));
        Result<DenseMatrix> r = gd.solve(f.problem, f.start, List.of());
        assertEquals("gradientTolerance", r.stopReason().criterion());
        List<IterationRecord> t = r.trace();
        for (int k = 1; k < t.size(); k++) {
            assertTrue(t.get(k).cost() <= t.get(k - 1).cost(), "Armijo steps never increase the cost");
        }
        assertTrue(f.relativeError(r.point()) < 1e-5, "relative error " + f.relativeError(r.point()));
    }
}
