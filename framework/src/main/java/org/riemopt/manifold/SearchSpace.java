package org.riemopt.manifold;

import java.util.Map;

import org.riemopt.linalg.DenseMatrix;
import org.riemopt.problem.Lift;

/**
 * A manifold as a problem spec uses it: the manifold, the lifts {@code φ} it supports by name, its default lift,
 * and how to read a point given as a matrix (an initial point in a spec).
 *
 * @param <P> point type
 * @param <T> tangent vector type
 */
public interface SearchSpace<P, T> {

    /** The manifold. */
    Manifold<P, T> manifold();

    /** The supported lifts by spec name, in a stable order. */
    Map<String, Lift<P, T>> lifts();

    /** The spec name of the lift used when the spec does not name one. */
    String defaultLift();

    /**
     * The point represented by a matrix as written in a spec: the factor itself for Euclidean manifolds, the
     * full matrix for fixed-rank ones.
     *
     * @throws IllegalArgumentException if the matrix has the wrong size or is not a point of the manifold
     */
    P pointFromMatrix(DenseMatrix matrix);
}
