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
        Kernels<?, ?> kernels = Kernels.of(workload);
        WorkCounts start = kernels.problem().workCounts();
        for (int k = 0; k < 4; k++) {
            assertNotNull(kernels.newPoint());
        }
        assertEquals(new WorkCounts(4, 0), kernels.problem().workCounts().since(start),
                "rotating points defeats the two-point cache");
        kernels.hessianVectorProduct();
        WorkCounts afterFirst = kernels.problem().workCounts();
        assertNotNull(kernels.hessianVectorProduct());
        assertEquals(new WorkCounts(0, 1), kernels.problem().workCounts().since(afterFirst),
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
        Kernels<?, ?> kernels = Kernels.of(Workload.FIXED_RANK);
        assertEquals(8L * 600 * 40 * 30, Traffic.point(kernels));
        assertEquals(2L * 8 * 600 * 2 * (40 + 30), Traffic.hessianVectorProduct(kernels, Workload.FIXED_RANK));
        WorkCounts work = kernels.solveWork();
        assertTrue(work.operatorPasses() > 1 && work.hessianVectorProducts() > 0, work.toString());
        assertEquals(work.operatorPasses() * Traffic.point(kernels) + work.hessianVectorProducts()
                * Traffic.hessianVectorProduct(kernels, Workload.FIXED_RANK),
                Traffic.of("solve", kernels, Workload.FIXED_RANK));
    }

    @Test
    void theDemoAtRankTwoIsTheDemoSpecWithTwoColumns() {
        assertEquals(Workload.DEMO.specText().replace("cols: 3", "cols: 2"), Workload.DEMO_R2.specText());
        assertEquals(8L * 2 * 420 * 100 * 2, Traffic.hessianVectorProduct(Kernels.of(Workload.DEMO_R2),
                Workload.DEMO_R2), "one block AᵢX per measurement, read twice");
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
