package org.riemopt.problem;

import org.riemopt.linalg.AmbientMatrix;

/**
 * A smooth term {@code R(x)} of the cost that acts on the point itself (not through the measurements), with its
 * Euclidean gradient and Hessian-vector product in the manifold's ambient space.
 *
 * @param <P> point type
 * @param <T> tangent vector type
 */
public interface Regularizer<P, T> {

    /** {@code R(x)}. */
    double value(P x);

    /** The Euclidean gradient of {@code R} at {@code x}. */
    AmbientMatrix euclideanGradient(P x);

    /** The Euclidean Hessian of {@code R} at {@code x} applied to the tangent vector {@code u}. */
    AmbientMatrix euclideanHessian(P x, T u);
}
