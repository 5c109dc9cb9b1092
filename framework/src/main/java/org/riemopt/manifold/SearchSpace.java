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

    /**
     * The number of columns {@code r} of the point's factors: the search rank ({@code X} n x r, {@code (U, V)},
     * {@code U S Vᵀ} of rank r).
     */
    int searchRank();

    /** The spec name of the lift used when the spec does not name one. */
    String defaultLift();

    /**
     * The point represented by a matrix as written in a spec: the factor itself for Euclidean manifolds, the
     * full matrix for fixed-rank ones.
     *
     * @throws IllegalArgumentException if the matrix has the wrong size or is not a point of the manifold
     */
    P pointFromMatrix(DenseMatrix matrix);

    /**
     * The point given by factors {@code (U, V)} as a spec writes them ({@code init: {u: U, v: V}}), meaning the
     * matrix {@code U Vᵀ}: the pair itself on the factor space, the rank-r matrix on fixed-rank ones. This default,
     * for manifolds of symmetric factors {@code X} ({@code φ = XXᵀ}), accepts only {@code U = V} and returns
     * {@link #pointFromMatrix}{@code (U)}.
     *
     * @throws IllegalArgumentException if the factors do not describe a point
     */
    default P pointFromFactors(DenseMatrix u, DenseMatrix v) {
        if (u.rows() != v.rows() || u.cols() != v.cols() || u.minus(v).normF() != 0) {
            throw new IllegalArgumentException("a point of " + manifold().name() + " is one factor X (the matrix "
                    + "X X^T); give it as init: {matrix: X}, or with u and v equal");
        }
        return pointFromMatrix(u);
    }

    /**
     * The point as named arrays in the form {@code init} reads back: {@code {matrix: X}} for a single factor,
     * {@code {u, v}} for the factor space, {@code {u, s, v}} for a fixed-rank {@code U S Vᵀ}. {@code run --save-point}
     * writes them.
     */
    Map<String, DenseMatrix> pointArrays(P x);
}
