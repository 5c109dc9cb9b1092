/**
 * The Riemannian manifold abstraction: {@link org.riemopt.manifold.Manifold}, a small bundle of Manopt's
 * operations on immutable points and tangent vectors, and {@link org.riemopt.manifold.SearchSpace}, which pairs a
 * manifold with the lifts {@code φ} that map its points to matrices ({@link org.riemopt.manifold.BasicSearchSpace}
 * holds what every provider's search space shares).
 */
package org.riemopt.manifold;
