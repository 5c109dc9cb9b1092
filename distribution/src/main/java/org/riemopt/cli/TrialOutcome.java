package org.riemopt.cli;

import java.util.List;

/**
 * The result fields of one trial, as one CSV row of {@code trials.csv} and {@code sweep.csv}. Numbers are written
 * with {@link Double#toString} (so they read back exactly); an undefined error (no truth, not a completion problem)
 * is an empty cell.
 *
 * @param solver             the solver's name
 * @param trial              the trial's index, 0-based
 * @param seed               the seed the trial's spec was loaded with: the spec's seed plus the trial index
 * @param stopReason         the stop criterion that fired
 * @param iterations         iterations done
 * @param cost               final cost
 * @param gradientNorm       final Riemannian gradient norm
 * @param relativeError      final {@code ‖φ(x) − M*‖_F / ‖M*‖_F}, {@code NaN} without a truth
 * @param heldOutRelativeRms held-out error of a completion problem with a truth, else {@code NaN}
 * @param timeSeconds        wall-clock time of the solve (the one field that differs between identical runs)
 * @param success            whether the spec's success rule holds
 */
record TrialOutcome(String solver, int trial, long seed, String stopReason, int iterations, double cost,
                    double gradientNorm, double relativeError, double heldOutRelativeRms, double timeSeconds,
                    boolean success) {

    /** The CSV columns, in order. */
    static final List<String> COLUMNS = List.of("solver", "trial", "seed", "stopReason", "iterations", "cost",
            "gradientNorm", "relativeError", "heldOutRelativeRms", "timeSeconds", "success");

    /** The outcome of a measured run, judged by {@code rule}. */
    static TrialOutcome of(int trial, long seed, Measured run, SuccessRule rule) {
        var r = run.result();
        TrialOutcome unjudged = new TrialOutcome(r.solver(), trial, seed, r.stopReason().criterion(), r.iterations(),
                r.cost(), r.gradientNorm(), run.relativeError(), run.heldOutError(), r.timeSeconds(), false);
        return unjudged.judged(rule.test(unjudged));
    }

    private TrialOutcome judged(boolean ok) {
        return new TrialOutcome(solver, trial, seed, stopReason, iterations, cost, gradientNorm, relativeError,
                heldOutRelativeRms, timeSeconds, ok);
    }

    /** The CSV cells, in the order of {@link #COLUMNS}. */
    List<String> cells() {
        return List.of(solver, Integer.toString(trial), Long.toString(seed), stopReason, Integer.toString(iterations),
                Double.toString(cost), Double.toString(gradientNorm), optional(relativeError),
                optional(heldOutRelativeRms), Double.toString(timeSeconds), Boolean.toString(success));
    }

    /**
     * Reads the cells {@link #cells} wrote.
     *
     * @throws IllegalArgumentException if a cell is not of its column's type
     */
    static TrialOutcome parse(List<String> cells) {
        if (cells.size() != COLUMNS.size()) {
            throw new IllegalArgumentException("expected " + COLUMNS.size() + " result cells, got " + cells.size());
        }
        try {
            return new TrialOutcome(cells.get(0), Integer.parseInt(cells.get(1)), Long.parseLong(cells.get(2)),
                    cells.get(3), Integer.parseInt(cells.get(4)), Double.parseDouble(cells.get(5)),
                    Double.parseDouble(cells.get(6)), parseOptional(cells.get(7)), parseOptional(cells.get(8)),
                    Double.parseDouble(cells.get(9)), parseBoolean(cells.get(10)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + e.getMessage());
        }
    }

    private static String optional(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    private static double parseOptional(String cell) {
        return cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
    }

    private static boolean parseBoolean(String cell) {
        if (!cell.equals("true") && !cell.equals("false")) {
            throw new IllegalArgumentException("success is '" + cell + "', not true or false");
        }
        return cell.equals("true");
    }
}
