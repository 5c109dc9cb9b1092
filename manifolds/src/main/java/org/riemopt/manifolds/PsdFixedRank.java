package org.riemopt.manifolds;

import java.util.Arrays;
import java.util.random.RandomGenerator;

import org.riemopt.linalg.AmbientMatrix;
import org.riemopt.linalg.Decompositions;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.manifold.Manifold;

/**
 * The {@code n x n} positive semidefinite matrices of rank {@code r} as the quotient of full-rank factors
 * {@code Y} ({@code n x r}, {@code M = YYᵀ}) by the orthogonal group, {@code Y ~ YQ} (Journée, Bach, Absil,
 * Sepulchre, "Low-rank optimization on the cone of positive semidefinite matrices", SIAM J. Optim. 20(5), 2010;
 * Manopt's {@code symfixedrankYYfactory}). Points and tangent vectors are {@link DenseMatrix}es: a tangent vector is
 * the horizontal lift {@code η} at {@code Y}, i.e. {@code Yᵀη} is symmetric.
 *
 * <ul>
 *   <li>metric: the Euclidean one of the total space, {@code trace(ηᵀξ)};</li>
 *   <li>projection onto the horizontal space: {@code Z − YΩ} with {@code Ω} skew solving
 *       {@code (YᵀY)Ω + Ω(YᵀY) = YᵀZ − ZᵀY} (a Lyapunov equation); vertical vectors {@code YΩ} are its kernel;</li>
 *   <li>retraction {@code Y + tη}; vector transport: horizontal projection at the new point;</li>
 *   <li>gradient: the Euclidean gradient itself. The cost is invariant under {@code Y → YQ}, so its Euclidean
 *       gradient is already horizontal (Manopt does not project it either);</li>
 *   <li>Hessian: the horizontal projection of the Euclidean Hessian, the horizontal lift of the Hessian of a
 *       Riemannian submersion from a flat total space (Absil, Mahony, Sepulchre, <i>Optimization Algorithms on
 *       Matrix Manifolds</i>, 2008, Prop. 5.3.3 and §7.2);</li>
 *   <li>{@code dim = r·n − r(r−1)/2} and {@code typicalDist = 10·r}, as Manopt.</li>
 * </ul>
 */
public final class PsdFixedRank implements Manifold<DenseMatrix, DenseMatrix> {

    private final int n;
    private final int rank;

    /**
     * @throws IllegalArgumentException unless {@code 1 ≤ rank ≤ n}
     */
    public PsdFixedRank(int n, int rank) {
        if (n < 1) {
            throw new IllegalArgumentException("the size must be positive, got " + n);
        }
        if (rank < 1 || rank > n) {
            throw new IllegalArgumentException("rank " + rank + " is not possible for " + n + "x" + n
                    + " matrices; allowed: 1 to " + n);
        }
        this.n = n;
        this.rank = rank;
    }

    /** The size {@code n} of the matrices {@code YYᵀ}, and rows of the factors. */
    public int n() {
        return n;
    }

    /** The rank {@code r}, columns of the factors. */
    public int rank() {
        return rank;
    }

    @Override
    public String name() {
        return "PsdFixedRank(" + n + "x" + n + ", rank " + rank + ")";
    }

    @Override
    public int dim() {
        return rank * n - rank * (rank - 1) / 2;
    }

    @Override
    public int ambientRows() {
        return n;
    }

    @Override
    public int ambientCols() {
        return rank;
    }

    @Override
    public double inner(DenseMatrix y, DenseMatrix u, DenseMatrix v) {
        return u.inner(v);
    }

    @Override
    public DenseMatrix proj(DenseMatrix y, AmbientMatrix ambient) {
        DenseMatrix z = ambient.toDense();
        if (z.rows() != n || z.cols() != rank) {
            throw new IllegalArgumentException(name() + ": cannot project a " + z.rows() + "x" + z.cols()
                    + " matrix; ambient matrices are " + n + "x" + rank);
        }
        DenseMatrix ytz = y.transposeTimes(z);
        DenseMatrix omega = Decompositions.solveSymmetricLyapunov(y.transposeTimes(y), ytz.minus(ytz.transpose()));
        return z.minus(y.times(omega));
    }

    @Override
    public DenseMatrix tangent(DenseMatrix y, DenseMatrix u) {
        return proj(y, u);
    }

    @Override
    public DenseMatrix retract(DenseMatrix y, DenseMatrix u, double t) {
        return DenseMatrix.lincomb(1, y, t, u);
    }

    @Override
    public DenseMatrix transport(DenseMatrix y1, DenseMatrix y2, DenseMatrix u) {
        return proj(y2, u);
    }

    @Override
    public DenseMatrix egradToRgrad(DenseMatrix y, AmbientMatrix egrad) {
        return egrad.toDense();
    }

    @Override
    public DenseMatrix ehessToRhess(DenseMatrix y, AmbientMatrix egrad, AmbientMatrix ehess, DenseMatrix u) {
        return proj(y, ehess);
    }

    /** A Gaussian factor, of full rank with probability one. */
    @Override
    public DenseMatrix random(RandomGenerator random) {
        return DenseMatrix.gaussian(n, rank, random);
    }

    @Override
    public DenseMatrix randomTangent(DenseMatrix y, RandomGenerator random) {
        DenseMatrix u = proj(y, DenseMatrix.gaussian(n, rank, random));
        return u.scale(1 / u.normF());
    }

    @Override
    public DenseMatrix zeroTangent(DenseMatrix y) {
        return DenseMatrix.zeros(n, rank);
    }

    @Override
    public DenseMatrix lincomb(DenseMatrix y, double a, DenseMatrix u, double b, DenseMatrix v) {
        return DenseMatrix.lincomb(a, u, b, v);
    }

    @Override
    public double typicalDist() {
        return 10.0 * rank;
    }

    /**
     * The point with factor {@code Y}, checked: {@code n x r} and of full column rank (else {@code YᵀY} is singular
     * and {@code YYᵀ} has rank below {@code r}).
     *
     * @throws IllegalArgumentException if the size is wrong or {@code Y} is rank deficient
     */
    public DenseMatrix fromMatrix(DenseMatrix y) {
        if (y.rows() != n || y.cols() != rank) {
            throw new IllegalArgumentException("expected an " + n + "x" + rank + " factor Y, got " + y.rows() + "x"
                    + y.cols());
        }
        double[] s = Decompositions.svd(y).s();
        if (!(s[rank - 1] > 1e-12 * s[0])) {
            throw new IllegalArgumentException("the factor has rank below " + rank + " (singular values "
                    + Arrays.toString(s) + "); a point of " + name() + " needs a factor of full column rank");
        }
        return y;
    }
}
