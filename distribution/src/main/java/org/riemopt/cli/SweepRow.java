package org.riemopt.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * One row of {@code sweep.csv}: the grid point's index and swept values, then the trial's {@link TrialOutcome}.
 *
 * @param point   the grid point's index, 0-based, the first swept key varying slowest
 * @param values  the swept values at the point, as written on the command line
 * @param outcome the trial's result
 */
record SweepRow(int point, List<String> values, TrialOutcome outcome) {

    /** The CSV header of a sweep over {@code keys}. */
    static List<String> header(List<String> keys) {
        List<String> out = new ArrayList<>();
        out.add("point");
        out.addAll(keys);
        out.addAll(TrialOutcome.COLUMNS);
        return out;
    }

    /** The CSV cells, in the order of {@link #header}. */
    List<String> cells() {
        List<String> out = new ArrayList<>();
        out.add(Integer.toString(point));
        out.addAll(values);
        out.addAll(outcome.cells());
        return out;
    }

    /**
     * Reads the cells {@link #cells} wrote for a sweep over {@code keys} keys.
     *
     * @throws IllegalArgumentException if a cell is not of its column's type
     */
    static SweepRow parse(List<String> cells, int keys) {
        int point;
        try {
            point = Integer.parseInt(cells.get(0));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("point '" + cells.get(0) + "' is not an integer");
        }
        return new SweepRow(point, List.copyOf(cells.subList(1, 1 + keys)),
                TrialOutcome.parse(cells.subList(1 + keys, cells.size())));
    }

    /** The task's index in a sweep of {@code trials} trials per point: tasks are numbered point by point. */
    long task(int trials) {
        return (long) point * trials + outcome.trial();
    }
}
