package org.riemopt.manifolds;

import java.util.random.RandomGenerator;

import org.riemopt.linalg.AmbientMatrix;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.manifold.Manifold;

/**
 * The Euclidean space of {@code rows x cols} real matrices with the Frobenius metric (Manopt's
 * {@code euclideanfactory}). Points and tangent vectors are {@link DenseMatrix}es; the retraction is
 * {@code x + t·u} and {@code typicalDist = √(rows·cols)}, as Manopt.
 */
public final class Euclidean implements Manifold<DenseMatrix, DenseMatrix> {

    private final int rows;
    private final int cols;

    /**
     * @throws IllegalArgumentException if a size is not positive
     */
    public Euclidean(int rows, int cols) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("rows and cols must be positive, got " + rows + "x" + cols);
        }
        this.rows = rows;
        this.cols = cols;
    }

    /** Rows of points. */
    public int rows() {
        return rows;
    }

    /** Columns of points. */
    public int cols() {
        return cols;
    }

    @Override
    public String name() {
        return "Euclidean(" + rows + "x" + cols + ")";
    }

    @Override
    public int dim() {
        return rows * cols;
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
    public double inner(DenseMatrix x, DenseMatrix u, DenseMatrix v) {
        return u.inner(v);
    }

    @Override
    public DenseMatrix proj(DenseMatrix x, AmbientMatrix ambient) {
        DenseMatrix d = ambient.toDense();
        if (d.rows() != rows || d.cols() != cols) {
            throw new IllegalArgumentException(name() + ": cannot project a " + d.rows() + "x" + d.cols()
                    + " matrix");
        }
        return d;
    }

    @Override
    public DenseMatrix tangent(DenseMatrix x, DenseMatrix u) {
        return u;
    }

    @Override
    public DenseMatrix retract(DenseMatrix x, DenseMatrix u, double t) {
        return DenseMatrix.lincomb(1, x, t, u);
    }

    @Override
    public DenseMatrix transport(DenseMatrix x, DenseMatrix y, DenseMatrix u) {
        return u;
    }

    @Override
    public DenseMatrix egradToRgrad(DenseMatrix x, AmbientMatrix egrad) {
        return proj(x, egrad);
    }

    @Override
    public DenseMatrix ehessToRhess(DenseMatrix x, AmbientMatrix egrad, AmbientMatrix ehess, DenseMatrix u) {
        return proj(x, ehess);
    }

    @Override
    public DenseMatrix random(RandomGenerator random) {
        return DenseMatrix.gaussian(rows, cols, random);
    }

    @Override
    public DenseMatrix randomTangent(DenseMatrix x, RandomGenerator random) {
        DenseMatrix u = DenseMatrix.gaussian(rows, cols, random);
        return u.scale(1 / u.normF());
    }

    @Override
    public DenseMatrix zeroTangent(DenseMatrix x) {
        return DenseMatrix.zeros(rows, cols);
    }

    @Override
    public DenseMatrix lincomb(DenseMatrix x, double a, DenseMatrix u, double b, DenseMatrix v) {
        return DenseMatrix.lincomb(a, u, b, v);
    }

    @Override
    public double typicalDist() {
        return Math.sqrt((double) rows * cols);
    }
}
