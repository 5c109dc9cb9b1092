package org.riemopt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.solver.IterationRecord;
import org.riemopt.solver.Result;
import org.riemopt.solver.RunMonitor;
import org.riemopt.spec.Instance;
import org.riemopt.spec.SpecLoader;
import org.riemopt.spi.PluginRegistry;

/**
 * The solver family through specs: perturbed GD escapes seed 002's strict saddle, the subgradient method recovers a
 * robust l1 instance from a small random start, and runs are reproducible.
 */
class SolverFamilyTest {

    /** Seed 002, Example 1.3 at ε = 1e-2, started at its saddle x₀ = (1, 0), where ∇f = 0 and λ_min(∇²f) < 0. */
    private static final String ZHANG_13 = "seed: 0\nmanifold: {type: euclidean, rows: 2, cols: 1}\nlift: xxt\n"
            + "operator: {type: rip-example, example: \"1.3\", epsilon: 0.01}\ntruth: {type: example}\n"
            + "init: {type: spurious}\n";

    /** Robust symmetric sensing: 10% Cauchy outliers, l1 loss, small random initialization. */
    private static final String ROBUST = "seed: 3\nmanifold: {type: euclidean, rows: 10, cols: 2}\nlift: xxt\n"
            + "operator: {type: gaussian, measurements: 200, symmetric: true}\ntruth: {type: random-psd, rank: 2}\n"
            + "noise: {type: outliers, fraction: 0.1, distribution: cauchy, scale: 1}\nloss: l1\n"
            + "init: {type: random, scale: 1e-3}\n";

    private static Instance<?, ?> load(String spec) {
        return new SpecLoader(PluginRegistry.fromClassPath()).parse(spec);
    }

    private static <P, T> Result<P> solve(Instance<P, T> instance) {
        return instance.solver().solve(instance.problem(), instance.start(), List.of());
    }

    @Test
    void perturbedGradientDescentLeavesTheStrictSaddleWhereGradientDescentStays() {
        Result<?> gd = solve(load(ZHANG_13 + "solver: {type: gradient-descent}\n"));
        assertEquals("gradientTolerance", gd.stopReason().criterion());
        assertEquals(0, gd.iterations(), "the gradient is exactly 0 at (1, 0)");
        assertEquals(1.0, ((DenseMatrix) gd.point()).get(0, 0));

        // λ_min = −0.03 and Armijo steps of about 0.5: leaving the saddle takes about 400 steps, more than the
        // default horizon (317), so the escape test waits 1000.
        Result<?> pgd = solve(load(ZHANG_13 + "solver: {type: perturbed-gd, horizon: 1000, maxIterations: 5000}\n"));
        DenseMatrix x = (DenseMatrix) pgd.point();
        double epsilon = 0.01;
        System.out.printf("perturbed-gd on Example 1.3: %s after %d iterations, x = (%.6g, %.6g), cost %.3g%n",
                pgd.stopReason().criterion(), pgd.iterations(), x.get(0, 0), x.get(1, 0), pgd.cost());
        assertEquals("secondOrderPoint", pgd.stopReason().criterion(), pgd.stopReason().message());
        // The global minima x xᵀ = M* = diag(0, 2 + ε): x = (0, ±√(2 + ε)).
        assertEquals(0, x.get(0, 0), 1e-3);
        assertEquals(Math.sqrt(2 + epsilon), Math.abs(x.get(1, 0)), 1e-3);
        assertTrue(pgd.cost() < 1e-12, "cost " + pgd.cost());
    }

    @Test
    void subgradientRecoversARobustInstanceFromASmallRandomStart() {
        Instance<?, ?> instance = load(ROBUST + "solver: {type: subgradient, stepSize: 0.5, decay: 0.99, "
                + "maxIterations: 1500}\n");
        Result<?> r = solve(instance);
        double error = relativeError(instance, r);
        System.out.printf("subgradient on robust l1: cost %.4g -> %.4g in %d iterations, relative error %.3g%n",
                r.trace().get(0).cost(), r.cost(), r.iterations(), error);
        assertTrue(r.cost() < r.trace().get(0).cost());
        assertTrue(error < 1e-2, "relative error " + error);
    }

    @SuppressWarnings("unchecked")
    private static <P, T> double relativeError(Instance<P, T> instance, Result<?> r) {
        return instance.relativeError((P) r.point());
    }

    @Test
    void theSameSpecGivesBitIdenticalTracesForEverySolver() {
        for (String solver : List.of("perturbed-gd, maxIterations: 300", "subgradient, maxIterations: 300",
                "conjugate-gradient, maxIterations: 300")) {
            String spec = ROBUST.replace("loss: l1", "loss: l2") + "solver: {type: " + solver + "}\n";
            assertEquals(bits(solve(load(spec)).trace()), bits(solve(load(spec)).trace()), solver);
        }
    }

    private static List<List<Long>> bits(List<IterationRecord> trace) {
        return trace.stream().map(r -> List.of(Double.doubleToRawLongBits(r.cost()),
                Double.doubleToRawLongBits(r.gradientNorm()), Double.doubleToRawLongBits(r.stepSize()))).toList();
    }

    @Test
    void aStatisticOfThePointIsTracedBesideTheSolversFields() {
        Instance<?, ?> instance = load(ROBUST + "solver: {type: subgradient, maxIterations: 5}\n");
        List<IterationRecord> trace = withDistance(instance).trace();
        assertEquals(List.of("stepLength", "bestCost", "relativeError"), List.copyOf(trace.get(0).extra().keySet()));
        assertTrue((double) trace.get(5).extra().get("relativeError") < (double) trace.get(0).extra().get(
                "relativeError"));
    }

    private static <P, T> Result<P> withDistance(Instance<P, T> instance) {
        RunMonitor<P> monitor = RunMonitor.<P>none().withStatistic("relativeError", instance::relativeError);
        return instance.solver().solve(instance.problem(), instance.start(), monitor);
    }

    @Test
    void aScaledRandomStartIsTheRandomStartWithScaledFactors() {
        String factors = "seed: 1\nmanifold: {type: factors, rows: 5, cols: 4, rank: 2}\nlift: uvt\n"
                + "operator: {type: gaussian, measurements: 30}\ntruth: {type: random, rank: 1}\n";
        String fixed = factors.replace("{type: factors, rows: 5, cols: 4, rank: 2}\nlift: uvt",
                "{type: fixed-rank, rows: 5, cols: 4, rank: 2}");
        String euclidean = ROBUST.replace("init: {type: random, scale: 1e-3}\n", "");
        for (String spec : List.of(euclidean, factors, fixed)) {
            Map<String, DenseMatrix> plain = arrays(load(spec + "init: {type: random}\n"));
            Map<String, DenseMatrix> small = arrays(load(spec + "init: {type: random, scale: 0.01}\n"));
            assertEquals(0, matrix(plain).scale(plain.containsKey("matrix") || plain.containsKey("s") ? 0.01 : 1e-4)
                    .minus(matrix(small)).normF(), 1e-12 * matrix(small).normF(), spec);
        }
    }

    /** The point as one matrix: X, U Vᵀ or U S Vᵀ. */
    private static DenseMatrix matrix(Map<String, DenseMatrix> a) {
        if (a.containsKey("matrix")) {
            return a.get("matrix");
        }
        DenseMatrix u = a.containsKey("s") ? a.get("u").times(a.get("s")) : a.get("u");
        return u.timesTranspose(a.get("v"));
    }

    private static <P, T> Map<String, DenseMatrix> arrays(Instance<P, T> instance) {
        return instance.space().pointArrays(instance.start());
    }
}
