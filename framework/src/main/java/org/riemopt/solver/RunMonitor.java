package org.riemopt.solver;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What a caller attaches to a run besides the solver's own options (Manopt's {@code statsfun} and
 * {@code stopfun}): listeners that see each {@link IterationRecord}, a stopping rule of its own, checked after the
 * solver's, and per-iteration statistics of the point (e.g. {@code distanceToTruth}), appended to each record's
 * {@link IterationRecord#extra()} after the solver's own fields. Immutable; the {@code with...} methods return
 * copies.
 *
 * @param <P> point type
 */
public final class RunMonitor<P> {

    private final List<Consumer<IterationRecord>> listeners;
    private final StoppingCriterion stop;
    private final Map<String, Function<? super P, ?>> statistics;

    private RunMonitor(List<Consumer<IterationRecord>> listeners, StoppingCriterion stop,
                       Map<String, Function<? super P, ?>> statistics) {
        this.listeners = List.copyOf(listeners);
        this.stop = stop;
        this.statistics = Collections.unmodifiableMap(new LinkedHashMap<>(statistics));
    }

    /** Nothing attached. */
    public static <P> RunMonitor<P> none() {
        return new RunMonitor<>(List.of(), r -> Optional.empty(), Map.of());
    }

    /** Only these listeners, as {@link Solver#solve(org.riemopt.problem.Objective, Object, List)} takes them. */
    public static <P> RunMonitor<P> of(List<Consumer<IterationRecord>> listeners) {
        return new RunMonitor<>(listeners, r -> Optional.empty(), Map.of());
    }

    /** A copy that also calls {@code listener} with every record. */
    public RunMonitor<P> withListener(Consumer<IterationRecord> listener) {
        List<Consumer<IterationRecord>> list = new ArrayList<>(listeners);
        list.add(listener);
        return new RunMonitor<>(list, stop, statistics);
    }

    /**
     * A copy whose listeners are {@code replacement} instead, keeping the stopping rule and statistics: for a solver
     * that shows the caller's listeners records of its own (e.g. numbered in steps rather than records).
     */
    public RunMonitor<P> withListeners(List<Consumer<IterationRecord>> replacement) {
        return new RunMonitor<>(replacement, stop, statistics);
    }

    /**
     * A copy that also stops when {@code criterion} fires (after the solver's own criteria), e.g. a
     * {@link Cancellation} that another thread may request.
     */
    public RunMonitor<P> withStop(StoppingCriterion criterion) {
        return new RunMonitor<>(listeners, stop.or(criterion), statistics);
    }

    /**
     * A copy that also stops, with stop reason {@code listener} (not counted as convergence), after the first record
     * {@code condition} accepts.
     */
    public RunMonitor<P> withStopWhen(Predicate<IterationRecord> condition, String message) {
        return withStop(r -> condition.test(r)
                ? Optional.of(new StopReason("listener", message, false)) : Optional.empty());
    }

    /**
     * A copy that adds {@code statistic(point)} under {@code name} to every record, iteration 0 included.
     *
     * @throws IllegalArgumentException if the name is already used by another statistic (a clash with one of the
     *                                  solver's fields is reported when the run starts)
     */
    public RunMonitor<P> withStatistic(String name, Function<? super P, ?> statistic) {
        if (statistics.containsKey(name)) {
            throw new IllegalArgumentException("statistic '" + name + "' is already defined");
        }
        Map<String, Function<? super P, ?>> map = new LinkedHashMap<>(statistics);
        map.put(name, statistic);
        return new RunMonitor<>(listeners, stop, map);
    }

    /** The listeners in order. */
    public List<Consumer<IterationRecord>> listeners() {
        return listeners;
    }

    /** The caller's stopping rule (never fires when none was given). */
    public StoppingCriterion stop() {
        return stop;
    }

    /** The statistics by name, in order. */
    public Map<String, Function<? super P, ?>> statistics() {
        return statistics;
    }
}
