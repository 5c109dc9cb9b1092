/**
 * Built-in solver plugins: {@code trust-regions} (Riemannian trust-region with truncated CG, at parity with
 * Manopt's {@code trustregions}), {@code gradient-descent} (Riemannian steepest descent with Armijo backtracking) and
 * {@code sgd} (Riemannian stochastic gradient over the terms of a {@link org.riemopt.problem.StochasticObjective},
 * with heavy-ball or Nesterov momentum).
 */
package org.riemopt.plugins.solvers;
