package org.riemopt.diagnostics;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import org.riemopt.linalg.Decompositions;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.manifold.Manifold;
import org.riemopt.problem.Objective;

/**
 * The Riemannian Hessian as a dense symmetric matrix in an orthonormal basis of the tangent space, and its
 * eigenvalues (Manopt's {@code hessianmatrix} and {@code hessianspectrum}). Costs {@code dim} Hessian-vector
 * products and {@code O(dim³)} for the eigenvalues: meant for small problems.
 */
public final class HessianSpectrum {

    private HessianSpectrum() {
    }

    /**
     * An orthonormal basis of the tangent space at {@code x}: Gram–Schmidt, applied twice for stability, on random
     * tangent vectors (Manopt's {@code tangentorthobasis}).
     */
    public static <P, T> List<T> orthonormalBasis(Manifold<P, T> m, P x, RandomGenerator random) {
        List<T> basis = new ArrayList<>();
        int attempts = 0;
        while (basis.size() < m.dim()) {
            if (++attempts > 2 * m.dim() + 10) {
                throw new IllegalStateException("could not build a tangent basis of dimension " + m.dim()
                        + " at this point (random tangents keep being dependent)");
            }
            T v = m.randomTangent(x, random);
            for (int pass = 0; pass < 2; pass++) {
                for (T b : basis) {
                    v = m.lincomb(x, 1, v, -m.inner(x, b, v), b);
                }
            }
            double norm = m.norm(x, v);
            if (norm > 1e-6) {
                basis.add(m.lincomb(x, 1 / norm, v, 0, v));
            }
        }
        return basis;
    }

    /** The Hessian matrix {@code H_ij = ⟨b_i, Hess f(x)[b_j]⟩} in the given orthonormal basis. */
    public static <P, T> DenseMatrix matrix(Objective<P, T> problem, P x, List<T> basis) {
        Manifold<P, T> m = problem.manifold();
        int n = basis.size();
        double[] h = new double[n * n];
        for (int j = 0; j < n; j++) {
            T hb = problem.hessian(x, basis.get(j));
            for (int i = 0; i < n; i++) {
                h[i + j * n] = m.inner(x, basis.get(i), hb);
            }
        }
        return DenseMatrix.wrap(n, n, h);
    }

    /** The eigenvalues of the Riemannian Hessian at {@code x}, ascending. */
    public static <P, T> double[] eigenvalues(Objective<P, T> problem, P x, RandomGenerator random) {
        List<T> basis = orthonormalBasis(problem.manifold(), x, random);
        return Decompositions.symmetricEigenvalues(matrix(problem, x, basis));
    }
}
