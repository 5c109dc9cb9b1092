package org.riemopt.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The summary of a group of trials (one solver, or one grid point): the success count and the quartiles (25%, 50%,
 * 75%; linear interpolation between order statistics, as NumPy's default) of the iterations, the time and the
 * final error, which is the relative error when the spec has a truth and the final cost otherwise.
 *
 * @param trials     number of trials
 * @param successes  number of successful trials
 * @param iterations quartiles of the iterations
 * @param time       quartiles of the time in seconds
 * @param error      quartiles of the final error (undefined values left out; {@code NaN} if there are none)
 */
record TrialStatistics(int trials, int successes, double[] iterations, double[] time, double[] error) {

    /** The statistics of {@code outcomes}; {@code relative} says whether the error is the relative error. */
    static TrialStatistics of(List<TrialOutcome> outcomes, boolean relative) {
        int successes = (int) outcomes.stream().filter(TrialOutcome::success).count();
        return new TrialStatistics(outcomes.size(), successes, quartiles(outcomes, TrialOutcome::iterations),
                quartiles(outcomes, TrialOutcome::timeSeconds),
                quartiles(outcomes, relative ? TrialOutcome::relativeError : TrialOutcome::cost));
    }

    /** Whether the final error of {@code outcomes} is the relative error: some trial has a truth to measure it. */
    static boolean relativeError(List<TrialOutcome> outcomes) {
        return outcomes.stream().anyMatch(o -> !Double.isNaN(o.relativeError()));
    }

    /** The fraction of successful trials. */
    double successRate() {
        return trials == 0 ? Double.NaN : (double) successes / trials;
    }

    /** The statistics as JSON fields; the error's key is {@code relativeError} or {@code cost}. */
    Map<String, Object> json(boolean relative) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("trials", trials);
        o.put("successes", successes);
        o.put("successRate", successRate());
        o.put("iterations", quartileJson(iterations));
        o.put("timeSeconds", quartileJson(time));
        o.put(relative ? "relativeError" : "cost", quartileJson(error));
        return o;
    }

    /**
     * A text table: the group's own columns ({@code keys}, one list of cells per group), then the success rate and
     * the quartiles.
     */
    static String table(List<String> keys, List<List<String>> groups, List<TrialStatistics> statistics,
                        boolean relative) {
        List<String> header = new ArrayList<>(keys);
        header.addAll(List.of("success", "iterations (25/50/75%)", "time s (25/50/75%)",
                (relative ? "relative error" : "final cost") + " (25/50/75%)"));
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        for (int i = 0; i < groups.size(); i++) {
            TrialStatistics s = statistics.get(i);
            List<String> row = new ArrayList<>(groups.get(i));
            row.add(s.successes + "/" + s.trials);
            row.add(String.format("%.0f / %.0f / %.0f", s.iterations[0], s.iterations[1], s.iterations[2]));
            row.add(String.format("%.3f / %.3f / %.3f", s.time[0], s.time[1], s.time[2]));
            row.add(String.format("%.1e / %.1e / %.1e", s.error[0], s.error[1], s.error[2]));
            rows.add(row);
        }
        int[] width = new int[header.size()];
        for (List<String> row : rows) {
            for (int j = 0; j < row.size(); j++) {
                width[j] = Math.max(width[j], row.get(j).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            for (int j = 0; j < row.size(); j++) {
                String cell = row.get(j);
                out.append(j > 0 ? "  " : "").append(cell).append(j < row.size() - 1
                        ? " ".repeat(width[j] - cell.length()) : "");
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static Map<String, Object> quartileJson(double[] q) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("q25", q[0]);
        o.put("median", q[1]);
        o.put("q75", q[2]);
        return o;
    }

    /** The 25%, 50% and 75% quartiles of the defined values of {@code field}. */
    private static double[] quartiles(List<TrialOutcome> outcomes, ToDoubleFunction<TrialOutcome> field) {
        double[] v = outcomes.stream().mapToDouble(field).filter(x -> !Double.isNaN(x)).sorted().toArray();
        return new double[] {quantile(v, 0.25), quantile(v, 0.5), quantile(v, 0.75)};
    }

    /** The {@code p}-quantile of sorted values, interpolated linearly between order statistics. */
    static double quantile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
