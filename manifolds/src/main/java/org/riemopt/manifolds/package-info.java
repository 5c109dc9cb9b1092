/**
 * The built-in manifolds and their lifts: {@link org.riemopt.manifolds.Euclidean} ({@code n x r} factors, lifted by
 * {@code XXᵀ} or used as is), {@link org.riemopt.manifolds.FixedRankEmbedded} (rank-{@code r} matrices as
 * {@code U S Vᵀ}, never formed densely) and {@link org.riemopt.manifolds.PsdFixedRank} (rank-{@code r} PSD matrices
 * {@code YYᵀ}, factors modulo rotations), with their {@link org.riemopt.spi.ManifoldProvider}s; and
 * {@link org.riemopt.manifolds.ProductManifold}, the product of any of them on {@link org.riemopt.manifolds.Tuple}s;
 * the factor space of pairs {@code (U, V)} is such a product, lifted to {@code UVᵀ} by
 * {@link org.riemopt.manifolds.UvtLift}.
 */
package org.riemopt.manifolds;
