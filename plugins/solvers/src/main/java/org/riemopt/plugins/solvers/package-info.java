/**
 * Built-in solver plugins: {@code trust-regions} (Riemannian trust-region with truncated CG, at parity with
 * Manopt's {@code trustregions}) and {@code gradient-descent} (Riemannian steepest descent with Armijo backtracking).
 */
package org.riemopt.plugins.solvers;
