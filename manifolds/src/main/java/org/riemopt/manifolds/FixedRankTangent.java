package org.riemopt.manifolds;

import org.riemopt.linalg.DenseMatrix;

/**
 * A tangent vector {@code ξ = U M Vᵀ + Up Vᵀ + U Vpᵀ} at {@code X = U S Vᵀ} in Vandereycken's representation
 * ("Low-rank matrix completion by Riemannian optimization", SIAM J. Optim. 23(2), 2013, §2.1), with
 * {@code Uᵀ Up = 0} and {@code Vᵀ Vp = 0}.
 *
 * @param up {@code Up}, m x r
 * @param m  {@code M}, r x r
 * @param vp {@code Vp}, n x r
 */
public record FixedRankTangent(DenseMatrix up, DenseMatrix m, DenseMatrix vp) {
}
