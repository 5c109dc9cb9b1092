/**
 * Built-in solver plugins: {@code trust-regions} (Riemannian trust-region with truncated CG, at parity with
 * Manopt's {@code trustregions}), {@code gradient-descent} (Riemannian steepest descent), {@code conjugate-gradient}
 * (nonlinear CG with Manopt's defaults), {@code perturbed-gd} (perturbed gradient descent, stopping at an approximate
 * second-order point) and {@code subgradient} (geometrically decaying subgradient steps); the first-order methods
 * share one {@link org.riemopt.plugins.solvers.ArmijoLineSearch}; and {@code sgd} (Riemannian stochastic
 * gradient over the terms of a {@link org.riemopt.problem.StochasticObjective}, with heavy-ball or Nesterov momentum).
 */
package org.riemopt.plugins.solvers;
