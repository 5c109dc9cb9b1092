package org.riemopt.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.random.RandomGenerator;

import org.riemopt.manifold.Manifold;
import org.riemopt.problem.Problem;
import org.riemopt.solver.Result;
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


    @Mixin
    private SpecFile spec;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "20",
            description = "timed repetitions of each measurement (default ${DEFAULT-VALUE})")
    private int repeat;

    @Override
    public Integer call() {
        if (repeat < 1) {
            throw new picocli.CommandLine.ParameterException(command.commandLine(),
                    "--repeat must be at least 1, got " + repeat);
        }
        bench(load(spec), repeat, out());
        return 0;
    }

    private static <P, T> void bench(Instance<P, T> instance, int repeat, PrintWriter out) {
        Problem<P, T> problem = instance.problem();
        Manifold<P, T> m = problem.manifold();
        RandomGenerator random = RandomStreams.DIAGNOSTICS.forSeed(instance.seed());
        long operatorBytes = problem.operator().dataBytes();

        // Warm-up: whole solves until the JIT has compiled the hot paths.
        Result<P> result = null;
        for (int i = 0; i < 3; i++) {
            result = solve(instance);
        }
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
            long s0 = System.nanoTime();
            result = solve(instance);
            solves[k] = (System.nanoTime() - s0) * 1e-9;
        }
        double point = median(points);
        out.printf("problem:               %s, %d measurements of %dx%d matrices (%.1f MB operator)%n",
                m.name(), problem.operator().size(), problem.operator().rows(), problem.operator().cols(),
                operatorBytes / 1e6);
        out.printf("kernels:               %s, %d threads%n", org.riemopt.linalg.Kernels.implementation(),
                Runtime.getRuntime().availableProcessors());
        out.printf("new point:             %.3f ms (cost, gradient and G: one pass, %.1f GB/s)%n", point * 1e3,
                operatorBytes / point / 1e9);
        out.printf("first Hessian product: %.3f ms (also prepares the curvature term from G = A^T l'(res), which "
                + "the same pass formed)%n", median(firstHessian) * 1e3);
        out.printf("Hessian product:       %.4f ms (from the point's cached Jacobian)%n",
                median(hessian) * 1e3);
        out.printf("whole solve:           %.3f s median of %d (%s, %d iterations, stop: %s)%n", median(solves),
                repeat, result.solver(), result.iterations(), result.stopReason().criterion());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
