package org.riemopt.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark and the roofline probe through JMH in one go and prints a Markdown table: each kernel's
 * time, the bytes it must read, the bandwidth that makes, and that as a fraction of the probe's bandwidth from
 * memory and from L3 (the better of one and two threads: the kernels split over both cores, but a busy machine may
 * give two threads less than one).
 *
 * <p>{@code java -cp bench/target/benchmarks.jar org.riemopt.bench.Roofline [--forks N] [--warmup N]
 * [--iterations N] [--time SECONDS] [--include REGEX]}; defaults 1 fork, 3 warm-up and 5 measured iterations of
 * 1 s each, all benchmarks.
 */
public final class Roofline {

    private Roofline() {
    }

    /** Runs the benchmarks and prints the table on stdout. */
    public static void main(String[] args) throws RunnerException {
        int forks = 1;
        int warmup = 3;
        int iterations = 5;
        int seconds = 1;
        String include = "org\\.riemopt\\.bench\\..*";
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--forks" -> forks = Integer.parseInt(required(args[i], value));
                case "--warmup" -> warmup = Integer.parseInt(required(args[i], value));
                case "--iterations" -> iterations = Integer.parseInt(required(args[i], value));
                case "--time" -> seconds = Integer.parseInt(required(args[i], value));
                case "--include" -> include = required(args[i], value);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; options: --forks N "
                        + "--warmup N --iterations N --time SECONDS --include REGEX");
            }
            i++;
        }
        double loadBefore = load();
        ChainedOptionsBuilder options = new OptionsBuilder().include(include).forks(forks)
                .warmupIterations(warmup).warmupTime(TimeValue.seconds(seconds))
                .measurementIterations(iterations).measurementTime(TimeValue.seconds(seconds));
        Collection<RunResult> results = new Runner(options.build()).run();
        System.out.println(table(results, loadBefore, load()));
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** The Markdown table of the results: the probe first, then each kernel against it. */
    static String table(Collection<RunResult> results, double loadBefore, double loadAfter) {
        List<Row> rows = new ArrayList<>();
        for (RunResult result : results) {
            rows.add(Row.of(result));
        }
        double dram = probe(rows, 256);
        double l3 = probe(rows, 8);
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%d cores, load average %.2f before and %.2f after the run%n%n",
                Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter));
        out.append("| benchmark | instance | threads | time | bytes read | GB/s | of DRAM | of L3 |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        Map<Workload, Operations<?, ?>> loaded = new EnumMap<>(Workload.class);
        for (Row row : rows) {
            long bytes = row.isProbe() ? row.threads * ((long) row.probeMebibytes() << 20)
                    : Traffic.of(row.method, loaded.computeIfAbsent(row.workload(), Operations::of), row.workload());
            double bandwidth = bytes / row.seconds / 1e9;
            out.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %.1f | %s | %s |%n", row.method,
                    row.isProbe() ? row.parameter + " MiB array" : row.parameter, row.threads, time(row),
                    megabytes(bytes), bandwidth, percent(bandwidth, dram), percent(bandwidth, l3)));
        }
        return out.toString();
    }

    /** The probe's best bandwidth in GB/s over its thread counts, {@code NaN} when it was not run. */
    private static double probe(List<Row> rows, int mebibytes) {
        double best = Double.NaN;
        for (Row row : rows) {
            if (row.isProbe() && row.probeMebibytes() == mebibytes) {
                double bandwidth = row.threads * ((double) mebibytes * (1 << 20)) / row.seconds / 1e9;
                best = Double.isNaN(best) ? bandwidth : Math.max(best, bandwidth);
            }
        }
        return best;
    }

    private static String time(Row row) {
        double s = row.seconds;
        double e = row.error;
        if (s >= 1e-1) {
            return String.format(Locale.ROOT, "%.3f ± %.3f s", s, e);
        }
        if (s >= 1e-4) {
            return String.format(Locale.ROOT, "%.3f ± %.3f ms", s * 1e3, e * 1e3);
        }
        return String.format(Locale.ROOT, "%.1f ± %.1f µs", s * 1e6, e * 1e6);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, bytes >= 1e7 ? "%.0f MB" : "%.2f MB", bytes / 1e6);
    }

    private static String percent(double bandwidth, double roof) {
        return Double.isNaN(roof) ? "n/a" : String.format(Locale.ROOT, "%.0f%%", 100 * bandwidth / roof);
    }

    /**
     * One result: the benchmark method, its parameter (workload or array size), threads, and the time of one
     * operation with its 99.9% confidence half-width, in seconds.
     */
    private record Row(String method, String parameter, int threads, double seconds, double error) {

        static Row of(RunResult result) {
            var params = result.getParams();
            String benchmark = params.getBenchmark();
            String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            String parameter = params.getParam("workload") != null ? params.getParam("workload")
                    : params.getParam("mebibytes");
            double unit = params.getTimeUnit().toNanos(1) * 1e-9;
            var score = result.getPrimaryResult();
            double error = Double.isNaN(score.getScoreError()) ? 0 : score.getScoreError();
            return new Row(method, parameter, params.getThreads(), score.getScore() * unit, error * unit);
        }

        boolean isProbe() {
            return method.startsWith("sum");
        }

        int probeMebibytes() {
            return Integer.parseInt(parameter);
        }

        Workload workload() {
            return Workload.of(parameter);
        }
    }
}
