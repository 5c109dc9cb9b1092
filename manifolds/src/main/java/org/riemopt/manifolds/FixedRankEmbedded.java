package org.riemopt.manifolds;

import java.util.Arrays;
import java.util.random.RandomGenerator;

import org.riemopt.linalg.AmbientMatrix;
import org.riemopt.linalg.Decompositions;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.linalg.LowRankMatrix;
import org.riemopt.manifold.Manifold;

/**
 * The manifold of {@code m x n} real matrices of rank {@code r}, as a Riemannian submanifold of
 * {@code R^(m x n)} (Vandereycken, SIAM J. Optim. 23(2), 2013; Manopt's {@code fixedrankembeddedfactory}).
 *
 * <p>Points are {@link FixedRankPoint}s {@code U S Vᵀ}, tangent vectors {@link FixedRankTangent}s
 * {@code (Up, M, Vp)}. Nothing here forms an {@code m x n} matrix: Euclidean gradients are used only through
 * {@code G·V} and {@code Gᵀ·U} (and, in the Hessian's curvature term, {@code G·Vp} and {@code Gᵀ·Up}).
 *
 * <ul>
 *   <li>metric: the Frobenius inner product of the ambient matrices, {@code ⟨M₁,M₂⟩ + ⟨Up₁,Up₂⟩ + ⟨Vp₁,Vp₂⟩};</li>
 *   <li>retraction: metric projection (truncated SVD of {@code X + tξ}), from QR factors of {@code Up}, {@code Vp}
 *       and an SVD of a {@code 2r x 2r} core (Vandereycken, Prop. 2.3 / Manopt);</li>
 *   <li>vector transport: orthogonal projection onto the new tangent space;</li>
 *   <li>Hessian: projected Euclidean Hessian plus the curvature term
 *       {@code Up += P_U⊥ G Vp S⁻ᵀ}, {@code Vp += P_V⊥ Gᵀ Up S⁻¹} (Absil, Mahony, Trumpf, "An extrinsic look at
 *       the Riemannian Hessian", 2013);</li>
 *   <li>{@code typicalDist = dim = (m + n − r)·r}, as Manopt.</li>
 * </ul>
 */
public final class FixedRankEmbedded implements Manifold<FixedRankPoint, FixedRankTangent> {

    private final int rows;
    private final int cols;
    private final int rank;

    /**
     * @throws IllegalArgumentException unless {@code 1 ≤ rank ≤ min(rows, cols)}
     */
    public FixedRankEmbedded(int rows, int cols, int rank) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("rows and cols must be positive, got " + rows + "x" + cols);
        }
        if (rank < 1 || rank > Math.min(rows, cols)) {
            throw new IllegalArgumentException("rank " + rank + " is not possible for " + rows + "x" + cols
                    + " matrices; allowed: 1 to " + Math.min(rows, cols));
        }
        this.rows = rows;
        this.cols = cols;
        this.rank = rank;
    }

    /** Rows {@code m}. */
    public int rows() {
        return rows;
    }

    /** Columns {@code n}. */
    public int cols() {
        return cols;
    }

    /** The rank {@code r}. */
    public int rank() {
        return rank;
    }

    @Override
    public String name() {
        return "FixedRankEmbedded(" + rows + "x" + cols + ", rank " + rank + ")";
    }

    @Override
    public int dim() {
        return (rows + cols - rank) * rank;
    }

    @Override
    public int ambientRows() {
        return rows;
    }

    @Override
    public int ambientCols() {
        return cols;
    }

    @Override
    public double inner(FixedRankPoint x, FixedRankTangent a, FixedRankTangent b) {
        return a.m().inner(b.m()) + a.up().inner(b.up()) + a.vp().inner(b.vp());
    }

    @Override
    public FixedRankTangent proj(FixedRankPoint x, AmbientMatrix z) {
        if (z.rows() != rows || z.cols() != cols) {
            throw new IllegalArgumentException(name() + ": cannot project a " + z.rows() + "x" + z.cols()
                    + " matrix");
        }
        DenseMatrix zv = z.times(x.v());
        DenseMatrix ztu = z.transposeTimes(x.u());
        DenseMatrix m = x.u().transposeTimes(zv);
        DenseMatrix up = zv.minus(x.u().times(m));
        DenseMatrix vp = ztu.minus(x.v().timesTranspose(m));
        return new FixedRankTangent(up, m, vp);
    }

    @Override
    public FixedRankTangent tangent(FixedRankPoint x, FixedRankTangent u) {
        return new FixedRankTangent(perp(x.u(), u.up()), u.m(), perp(x.v(), u.vp()));
    }

    @Override
    public FixedRankPoint retract(FixedRankPoint x, FixedRankTangent u, double t) {
        Decompositions.QR qu = Decompositions.thinQr(u.up());
        Decompositions.QR qv = Decompositions.thinQr(u.vp());
        // X + tξ = [U Qu] K [V Qv]ᵀ with K = [S + tM, t·Rvᵀ; t·Ru, 0].
        DenseMatrix top = x.s().plus(u.m().scale(t)).hconcat(qv.r().transpose().scale(t));
        DenseMatrix bottom = qu.r().scale(t).hconcat(DenseMatrix.zeros(rank, rank));
        Decompositions.SVD svd = Decompositions.svd(top.vconcat(bottom));
        DenseMatrix newU = x.u().hconcat(qu.q()).times(svd.u().columns(0, rank));
        DenseMatrix newV = x.v().hconcat(qv.q()).times(svd.v().columns(0, rank));
        double[] sigma = Arrays.copyOf(svd.s(), rank);
        for (int i = 0; i < rank; i++) {
            // As Manopt: keep S invertible when X + tξ drops rank.
            sigma[i] += Math.ulp(1.0);
        }
        return new FixedRankPoint(newU, DenseMatrix.diagonal(sigma), newV);
    }

    @Override
    public FixedRankTangent transport(FixedRankPoint x, FixedRankPoint y, FixedRankTangent u) {
        return proj(y, ambient(x, u));
    }

    /** The tangent vector as the ambient matrix {@code [U M + Up, U]·[V, Vp]ᵀ}, in factored form. */
    public LowRankMatrix ambient(FixedRankPoint x, FixedRankTangent u) {
        return new LowRankMatrix(x.u().times(u.m()).plus(u.up()).hconcat(x.u()), x.v().hconcat(u.vp()));
    }

    @Override
    public FixedRankTangent egradToRgrad(FixedRankPoint x, AmbientMatrix egrad) {
        return proj(x, egrad);
    }

    @Override
    public FixedRankTangent ehessToRhess(FixedRankPoint x, AmbientMatrix egrad, AmbientMatrix ehess,
                                         FixedRankTangent u) {
        FixedRankTangent h = proj(x, ehess);
        DenseMatrix sInv = Decompositions.inverse(x.s());
        DenseMatrix up = h.up().plus(perp(x.u(), egrad.times(u.vp()).times(sInv.transpose())));
        DenseMatrix vp = h.vp().plus(perp(x.v(), egrad.transposeTimes(u.up()).times(sInv)));
        return new FixedRankTangent(up, h.m(), vp);
    }

    @Override
    public FixedRankPoint random(RandomGenerator random) {
        DenseMatrix u = Decompositions.thinQr(DenseMatrix.gaussian(rows, rank, random)).q();
        DenseMatrix v = Decompositions.thinQr(DenseMatrix.gaussian(cols, rank, random)).q();
        double[] sigma = new double[rank];
        for (int i = 0; i < rank; i++) {
            sigma[i] = random.nextDouble();
        }
        Arrays.sort(sigma);
        double[] descending = new double[rank];
        for (int i = 0; i < rank; i++) {
            descending[i] = sigma[rank - 1 - i];
        }
        return new FixedRankPoint(u, DenseMatrix.diagonal(descending), v);
    }

    @Override
    public FixedRankTangent randomTangent(FixedRankPoint x, RandomGenerator random) {
        FixedRankTangent z = tangent(x, new FixedRankTangent(DenseMatrix.gaussian(rows, rank, random),
                DenseMatrix.gaussian(rank, rank, random), DenseMatrix.gaussian(cols, rank, random)));
        return lincomb(x, 1 / norm(x, z), z, 0, z);
    }

    @Override
    public FixedRankTangent zeroTangent(FixedRankPoint x) {
        return new FixedRankTangent(DenseMatrix.zeros(rows, rank), DenseMatrix.zeros(rank, rank),
                DenseMatrix.zeros(cols, rank));
    }

    @Override
    public FixedRankTangent lincomb(FixedRankPoint x, double a, FixedRankTangent u, double b, FixedRankTangent v) {
        return new FixedRankTangent(DenseMatrix.lincomb(a, u.up(), b, v.up()),
                DenseMatrix.lincomb(a, u.m(), b, v.m()), DenseMatrix.lincomb(a, u.vp(), b, v.vp()));
    }

    @Override
    public double typicalDist() {
        return dim();
    }

    /**
     * The point {@code X} given as a dense matrix, by its SVD.
     *
     * @throws IllegalArgumentException if the size is wrong or the numerical rank of {@code X} is not exactly
     *                                  {@code r} (a larger rank is refused, not silently truncated)
     */
    public FixedRankPoint fromMatrix(DenseMatrix x) {
        if (x.rows() != rows || x.cols() != cols) {
            throw new IllegalArgumentException("expected a " + rows + "x" + cols + " matrix, got " + x.rows() + "x"
                    + x.cols());
        }
        Decompositions.SVD svd = Decompositions.svd(x);
        requireRank(svd.s(), "the matrix");
        return new FixedRankPoint(svd.u().columns(0, rank), DenseMatrix.diagonal(Arrays.copyOf(svd.s(), rank)),
                svd.v().columns(0, rank));
    }

    /**
     * The point {@code X = L Rᵀ} given by factors {@code L} ({@code m x r}) and {@code R} ({@code n x r}) of any
     * scaling, without forming {@code X}: thin QR factorizations {@code L = Q_L R_L}, {@code R = Q_R R_R} and the SVD
     * of the {@code r x r} core {@code R_L R_Rᵀ = A S Bᵀ} give {@code U = Q_L A}, {@code S}, {@code V = Q_R B}.
     *
     * @throws IllegalArgumentException if the shapes are wrong or {@code L Rᵀ} does not have rank exactly {@code r}
     */
    public FixedRankPoint fromFactors(DenseMatrix left, DenseMatrix right) {
        if (left.rows() != rows || right.rows() != cols || left.cols() != rank || right.cols() != rank) {
            throw new IllegalArgumentException("expected factors " + rows + "x" + rank + " and " + cols + "x" + rank
                    + " (X = U V^T), got " + left.rows() + "x" + left.cols() + " and " + right.rows() + "x"
                    + right.cols());
        }
        Decompositions.QR ql = Decompositions.thinQr(left);
        Decompositions.QR qr = Decompositions.thinQr(right);
        Decompositions.SVD core = Decompositions.svd(ql.r().times(qr.r().transpose()));
        requireRank(core.s(), "U V^T");
        return new FixedRankPoint(ql.q().times(core.u()), DenseMatrix.diagonal(core.s()), qr.q().times(core.v()));
    }

    /**
     * Checks that singular values (descending) have numerical rank exactly {@code r}: those above
     * {@code max(m, n)·eps·σ₁} count, as numpy's {@code matrix_rank}.
     */
    private void requireRank(double[] s, String what) {
        double tolerance = Math.max(rows, cols) * Math.ulp(1.0) * s[0];
        int numericalRank = 0;
        for (double v : s) {
            numericalRank += v > tolerance ? 1 : 0;
        }
        if (numericalRank != rank) {
            throw new IllegalArgumentException(what + " has numerical rank " + numericalRank + " (singular values "
                    + Arrays.toString(Arrays.copyOf(s, Math.min(s.length, rank + 1))) + (s.length > rank + 1 ? ", ..."
                    : "") + "); a point of " + name() + " needs rank exactly " + rank);
        }
    }

    private static DenseMatrix perp(DenseMatrix basis, DenseMatrix a) {
        return a.minus(basis.times(basis.transposeTimes(a)));
    }
}
