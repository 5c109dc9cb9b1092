package org.riemopt.plugins.solvers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.solver.Result;
import org.riemopt.solver.Solver;
import org.riemopt.spi.Parameters;

class StochasticGradientProviderTest {

    private final StochasticGradientProvider provider = new StochasticGradientProvider();

    private Solver create(Map<String, Object> raw) {
        return provider.create(Parameters.of(provider.parameters(), raw));
    }

    @Test
    void aSpecsOptionsReachTheSolver() {
        SensingFixture f = new SensingFixture(12);
        Result<DenseMatrix> r = create(Map.of("momentum", "heavy-ball", "stepSize", 0.005, "batchSize", 10,
                "sampling", "with-replacement", "decay", 0.99, "seed", 3, "recordEvery", 7, "maxIterations", 20))
                .solve(f.problem, f.start, List.of());
        assertEquals("sgd", r.solver());
        assertEquals(List.of(0, 7, 14, 20), r.trace().stream().map(t -> t.iteration()).toList());
        assertTrue(f.operator.selected <= 20 * 10, "a step reads its batch's distinct measurements only");
        assertEquals(0.005 * 0.99 * 0.99, (double) r.trace().get(3).extra().get("stepLength"), 1e-17,
                "two epochs of 9 steps done before the last step");
    }

    @Test
    void refusesUnknownChoicesAndAZeroRecordInterval() {
        assertEquals("sampling 'random': allowed: cyclic-shuffled, with-replacement", assertThrows(
                IllegalArgumentException.class, () -> create(Map.of("sampling", "random"))).getMessage());
        assertEquals("recordEvery must be >= 1, got 0 (leave it out to record once per epoch)", assertThrows(
                IllegalArgumentException.class, () -> create(Map.of("recordEvery", 0))).getMessage());
    }
}
