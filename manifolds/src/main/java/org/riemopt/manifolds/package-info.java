/**
 * The built-in manifolds and their lifts: {@link org.riemopt.manifolds.Euclidean} ({@code n x r} factors, lifted by
 * {@code XXᵀ} or used as is), {@link org.riemopt.manifolds.FixedRankEmbedded} (rank-{@code r} matrices as
 * {@code U S Vᵀ}, never formed densely) and {@link org.riemopt.manifolds.PsdFixedRank} (rank-{@code r} PSD matrices
 * {@code YYᵀ}, factors modulo rotations), with their {@link org.riemopt.spi.ManifoldProvider}s.
 */
package org.riemopt.manifolds;
