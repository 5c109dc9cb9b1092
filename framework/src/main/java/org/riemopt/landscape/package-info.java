/**
 * The landscape toolkit: what the seed papers say about a point of a low-rank recovery problem, computed at that
 * point. The smallest {@code (ε₁, ε₂)} of an approximate second-order point in the Euclidean and the local norm
 * (Zhang, seed 002, Theorem 1.4 and Corollary 1.5), the sharp escape directions, their ratios and the
 * tangent–normal split (seed 002, Definition 3.1, Fact 3.2, Theorem 3.10), the critical RIP constant and the error
 * bounds it gives (McRae, seed 000; seed 002, Theorem 1.4), the high-order-loss saddle certificate (Ma, Chen,
 * Lavaei, Sojoudi, seed 004, Theorem 6), a sampled lower estimate of the operator's RIP constant, and the best
 * decrease found in small balls around the point (seed 001's "is the true solution a local minimum?").
 * {@link org.riemopt.landscape.Certification} runs them all, as {@code riemopt certify} does; docs/landscape.md
 * gives every formula with its source.
 */
package org.riemopt.landscape;
