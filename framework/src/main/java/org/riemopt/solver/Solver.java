package org.riemopt.solver;

import java.util.List;
import java.util.function.Consumer;

import org.riemopt.problem.Objective;

/**
 * A configured optimization method. Runs are deterministic for a given problem and start point (and, for a
 * randomized method, its {@code seed} option).
 */
public interface Solver {

    /** The registered name, e.g. {@code "trust-regions"}. */
    String name();

    /**
     * Minimizes the problem's cost from {@code start}; an implementation runs {@link SolverLoop} with
     * {@code monitor}.
     *
     * @param monitor listeners, the caller's stopping rule and per-iteration statistics of the point
     * @throws IllegalArgumentException if the problem is not one this solver can handle (e.g. a Hessian-based
     *                                  method and a loss that is not twice differentiable)
     */
    <P, T> Result<P> solve(Objective<P, T> problem, P start, RunMonitor<P> monitor);

    /**
     * Minimizes the problem's cost from {@code start}, with listeners only.
     *
     * @param listeners called with each {@link IterationRecord} as it is made
     * @throws IllegalArgumentException as {@link #solve(Objective, Object, RunMonitor)}
     */
    default <P, T> Result<P> solve(Objective<P, T> problem, P start, List<Consumer<IterationRecord>> listeners) {
        return solve(problem, start, RunMonitor.of(listeners));
    }
}
