package org.riemopt.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.riemopt.problem.WorkCounts;

/**
 * Each benchmark's body, called once directly (not through JMH, which {@code mvn verify} never runs): the specs load
 * from the class path and every measured operation does the work its name says.
 */
class BenchmarksTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(Workload.class)
    void aNewPointIsOnePassAndAProductIsNone(Workload workload) {
        Operations<?, ?> operations = Operations.of(workload);
        WorkCounts start = operations.problem().workCounts();
        for (int k = 0; k < 4; k++) {
            assertNotNull(operations.newPoint());
        }
        assertEquals(new WorkCounts(4, 0), operations.problem().workCounts().since(start),
                "rotating points defeats the two-point cache");
        operations.hessianVectorProduct();
        WorkCounts afterFirst = operations.problem().workCounts();
        assertNotNull(operations.hessianVectorProduct());
        assertEquals(new WorkCounts(0, 1), operations.problem().workCounts().since(afterFirst),
                "the product's point stays cached");
    }

    @Test
    void theBenchmarkClassesRunTheirBodies() {
        PointBenchmark point = new PointBenchmark();
        point.workload = "factors";
        point.load();
        assertNotNull(point.newPoint());
        assertNotNull(point.hessianVectorProduct());
        SolveBenchmark solve = new SolveBenchmark();
        solve.workload = "fixed-rank";
        solve.load();
        assertNotNull(solve.solve());
    }

    @Test
    void theFixedRankInstanceSolvesAndItsTrafficIsItsWork() {
        Operations<?, ?> operations = Operations.of(Workload.FIXED_RANK);
        assertEquals(8L * 600 * 40 * 30, Traffic.point(operations));
        assertEquals(8L * 600 * 2 * (40 + 30), Traffic.hessianVectorProduct(operations, Workload.FIXED_RANK));
        WorkCounts work = operations.solveWork();
        assertTrue(work.operatorPasses() > 1 && work.hessianVectorProducts() > 0, work.toString());
        assertEquals(work.operatorPasses() * Traffic.point(operations) + work.hessianVectorProducts()
                * Traffic.hessianVectorProduct(operations, Workload.FIXED_RANK),
                Traffic.of("solve", operations, Workload.FIXED_RANK));
    }

    @Test
    void theDemoAtRankTwoIsTheDemoSpecWithTwoColumns() {
        assertEquals(Workload.DEMO.specText().replace("cols: 3", "cols: 2"), Workload.DEMO_R2.specText());
        assertEquals(8L * 420 * 100 * 2, Traffic.hessianVectorProduct(Operations.of(Workload.DEMO_R2),
                Workload.DEMO_R2), "one block AᵢX per measurement, read once");
    }

    @Test
    void theProbeSumsEveryElement() {
        double[] a = new double[1027];
        for (int i = 0; i < a.length; i++) {
            a[i] = i;
        }
        assertEquals(1026.0 * 1027 / 2, StreamBenchmark.sum(a));
        StreamBenchmark probe = new StreamBenchmark();
        probe.mebibytes = 8;
        probe.fill();
        assertTrue(probe.sumOneThread() > 0);
    }
}
