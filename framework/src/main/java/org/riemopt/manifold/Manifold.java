package org.riemopt.manifold;

import java.util.random.RandomGenerator;

import org.riemopt.linalg.AmbientMatrix;

/**
 * A Riemannian manifold with the operations of a Manopt factory. Points {@code P} and tangent vectors {@code T}
 * are immutable values owned by the manifold; tangent vectors are only meaningful together with their base point.
 *
 * <p>Euclidean gradients and Hessian-vector products arrive as {@link AmbientMatrix} objects so that a manifold
 * embedded in a large matrix space (fixed rank) can work from thin products and never forms a dense matrix.
 *
 * @param <P> point type
 * @param <T> tangent vector type
 */
public interface Manifold<P, T> {

    /** A short description, e.g. {@code "FixedRankEmbedded(20x15, rank 2)"}. */
    String name();

    /** The dimension of the manifold. */
    int dim();

    /**
     * Rows of the ambient matrices: those {@link #proj} takes and Euclidean gradients arrive as. A product manifold
     * needs it to find each factor's block of an ambient matrix.
     */
    int ambientRows();

    /** Columns of the ambient matrices (see {@link #ambientRows()}). */
    int ambientCols();

    /** The Riemannian metric at {@code x}. */
    double inner(P x, T u, T v);

    /** The norm induced by the metric. */
    default double norm(P x, T u) {
        return Math.sqrt(inner(x, u, u));
    }

    /** Orthogonal projection of an ambient matrix onto the tangent space at {@code x}. */
    T proj(P x, AmbientMatrix ambient);

    /**
     * Re-projects a tangent vector whose representation may have drifted off the tangent space through round-off
     * (Manopt's {@code M.tangent}); the identity on linear spaces.
     */
    T tangent(P x, T u);

    /** The retraction {@code R_x(t·u)}. */
    P retract(P x, T u, double t);

    /** Transports a tangent vector at {@code x} to the tangent space at {@code y}. */
    T transport(P x, P y, T u);

    /** The Riemannian gradient from the Euclidean gradient of the cost's smooth extension. */
    T egradToRgrad(P x, AmbientMatrix egrad);

    /**
     * The Riemannian Hessian along {@code u} from the Euclidean gradient and the Euclidean Hessian-vector product
     * {@code ehess = D(egrad)(x)[u]} of the cost's smooth extension (curvature terms use {@code egrad}).
     */
    T ehessToRhess(P x, AmbientMatrix egrad, AmbientMatrix ehess, T u);

    /** A random point, reproducible for a given generator state. */
    P random(RandomGenerator random);

    /** A random unit-norm tangent vector at {@code x}. */
    T randomTangent(P x, RandomGenerator random);

    /** The zero tangent vector at {@code x}. */
    T zeroTangent(P x);

    /** Returns {@code a·u + b·v}. */
    T lincomb(P x, double a, T u, double b, T v);

    /** The scale of the manifold used for default trust-region radii (Manopt's {@code typicaldist}). */
    double typicalDist();
}
