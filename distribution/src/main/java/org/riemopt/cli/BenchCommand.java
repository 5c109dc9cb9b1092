package org.riemopt.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.random.RandomGenerator;

import org.riemopt.linalg.Kernels;
import org.riemopt.manifold.Manifold;
import org.riemopt.problem.MeasurementOperator;
import org.riemopt.problem.Problem;
import org.riemopt.solver.Result;
import org.riemopt.solver.RunMonitor;
import org.riemopt.spec.Instance;
import org.riemopt.spec.RandomStreams;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code riemopt bench SPEC}: times the parts of a solve after JIT warm-up and prints them with the operator's
 * streaming bandwidth, so the figures can be held against the machine's memory bandwidth.
 */
@Command(name = "bench", description = "Time a new point (linearization and gradient), one Hessian-vector "
        + "product, and the whole solve, after warm-up; print medians and the operator's read bandwidth.")
final class BenchCommand extends Subcommand implements Callable<Integer> {

    /** Whole solves before the timed ones, for the JIT to compile the hot paths. */
    private static final int WARM_UP_SOLVES = 3;

    @Mixin
    private SpecFile spec;

    @Mixin
    private JsonOutput json;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "20",
            description = "timed repetitions of each measurement (default ${DEFAULT-VALUE})")
    private int repeat;

    /**
     * What {@code bench} measured; times are medians over the repetitions, in seconds.
     *
     * @param newPoint      cost and gradient at a new point (one pass over the operator)
     * @param firstHessian  the first Hessian-vector product there
     * @param hessian       a further Hessian-vector product (from the cached Jacobian)
     * @param solve         a whole solve from the spec's start
     * @param lastSolve     the result of the last timed solve
     */
    private record Figures(double newPoint, double firstHessian, double hessian, double solve, Result<?> lastSolve) {
    }

    @Override
    public Integer call() {
        if (repeat < 1) {
            throw new picocli.CommandLine.ParameterException(command.commandLine(),
                    "--repeat must be at least 1, got " + repeat);
        }
        ProgressStyle style = parent.progressStyle();
        Instance<?, ?> instance = load(spec);
        IterationProgress progress = new IterationProgress(err(), style, "bench");
        Figures figures;
        try {
            figures = measure(instance, repeat, progress);
        } finally {
            progress.finish();
        }
        MeasurementOperator operator = instance.problem().operator();
        long operatorBytes = operator.dataBytes();
        Result<?> result = figures.lastSolve();
        if (json.enabled) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("manifold", instance.problem().manifold().name());
            o.put("measurements", operator.size());
            o.put("rows", operator.rows());
            o.put("cols", operator.cols());
            o.put("operatorBytes", operatorBytes);
            o.put("kernels", Kernels.implementation());
            o.put("processors", Runtime.getRuntime().availableProcessors());
            o.put("repeat", repeat);
            o.put("newPointSeconds", figures.newPoint());
            o.put("newPointBandwidthGBps", operatorBytes / figures.newPoint() / 1e9);
            o.put("firstHessianProductSeconds", figures.firstHessian());
            o.put("hessianProductSeconds", figures.hessian());
            o.put("solveSeconds", figures.solve());
            o.put("solver", result.solver());
            o.put("iterations", result.iterations());
            o.put("stopReason", result.stopReason().criterion());
            out().println(Json.write(o));
        } else {
            out().printf("problem:               %s, %d measurements of %dx%d matrices (%.1f MB operator)%n",
                    instance.problem().manifold().name(), operator.size(), operator.rows(), operator.cols(),
                    operatorBytes / 1e6);
            out().printf("kernels:               %s, %d threads%n", Kernels.implementation(),
                    Runtime.getRuntime().availableProcessors());
            out().printf("new point:             %.3f ms (cost, gradient and G: one pass, %.1f GB/s)%n",
                    figures.newPoint() * 1e3, operatorBytes / figures.newPoint() / 1e9);
            out().printf("first Hessian product: %.3f ms (also prepares the curvature term from G = A^T l'(res), "
                    + "which the same pass formed)%n", figures.firstHessian() * 1e3);
            out().printf("Hessian product:       %.4f ms (from the point's cached Jacobian)%n",
                    figures.hessian() * 1e3);
            out().printf("whole solve:           %.3f s median of %d (%s, %d iterations, stop: %s)%n",
                    figures.solve(), repeat, result.solver(), result.iterations(), result.stopReason().criterion());
        }
        return 0;
    }

    private static <P, T> Figures measure(Instance<P, T> instance, int repeat, IterationProgress progress) {
        Problem<P, T> problem = instance.problem();
        Manifold<P, T> m = problem.manifold();
        RandomGenerator random = RandomStreams.DIAGNOSTICS.forSeed(instance.seed());
        RunMonitor<P> monitor = RunMonitor.<P>none().withListener(progress);

        for (int i = 0; i < WARM_UP_SOLVES; i++) {
            progress.phase("bench warm-up " + (i + 1) + "/" + WARM_UP_SOLVES);
            solve(instance, monitor);
        }
        Result<P> result = null;
        double[] points = new double[repeat];
        double[] firstHessian = new double[repeat];
        double[] hessian = new double[repeat];
        double[] solves = new double[repeat];
        for (int k = 0; k < repeat; k++) {
            P x = m.retract(instance.start(), m.randomTangent(instance.start(), random), 0.1);
            T u = m.randomTangent(x, random);
            long t0 = System.nanoTime();
            problem.cost(x);
            problem.gradient(x);
            long t1 = System.nanoTime();
            problem.hessian(x, u);
            long t2 = System.nanoTime();
            for (int j = 0; j < 10; j++) {
                problem.hessian(x, u);
            }
            long t3 = System.nanoTime();
            points[k] = (t1 - t0) * 1e-9;
            firstHessian[k] = (t2 - t1) * 1e-9;
            hessian[k] = (t3 - t2) * 1e-10;
            progress.phase("bench solve " + (k + 1) + "/" + repeat);
            long s0 = System.nanoTime();
            // timed without the per-iteration listener: printing progress is not the solver's time
            result = solve(instance, RunMonitor.none());
            solves[k] = (System.nanoTime() - s0) * 1e-9;
        }
        return new Figures(median(points), median(firstHessian), median(hessian), median(solves), result);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
