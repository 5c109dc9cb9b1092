package org.riemopt.solver;

import java.util.List;
import java.util.function.Consumer;

import org.riemopt.problem.Objective;

/**
 * A configured optimization method. Runs are deterministic for a given problem and start point.
 */
public interface Solver {

    /** The registered name, e.g. {@code "trust-regions"}. */
    String name();

    /**
     * Minimizes the problem's cost from {@code start}.
     *
     * @param listeners called with each {@link IterationRecord} as it is made
     * @throws IllegalArgumentException if the problem is not one this solver can handle (e.g. a Hessian-based
     *                                  method and a loss that is not twice differentiable)
     */
    <P, T> Result<P> solve(Objective<P, T> problem, P start, List<Consumer<IterationRecord>> listeners);
}
