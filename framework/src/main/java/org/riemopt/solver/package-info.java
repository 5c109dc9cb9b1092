/**
 * What every solver shares: the {@link org.riemopt.solver.Solver} contract, the generic iteration loop
 * {@link org.riemopt.solver.SolverLoop} (clock, listeners, trace and stopping are the framework's; a solver only
 * supplies its {@link org.riemopt.solver.SolverState} and step), composable
 * {@link org.riemopt.solver.StoppingCriterion}s that say why they fired, the per-iteration
 * {@link org.riemopt.solver.IterationRecord} and the {@link org.riemopt.solver.Result}; a caller's listeners, stopping
 * rule and statistics of the point travel in a {@link org.riemopt.solver.RunMonitor}; a
 * {@link org.riemopt.solver.Cancellation} in it lets another thread stop a run at the end of an iteration (stop reason
 * {@code interrupted}). The framework handles no signals: a host maps its own interrupts onto a cancellation.
 */
package org.riemopt.solver;
