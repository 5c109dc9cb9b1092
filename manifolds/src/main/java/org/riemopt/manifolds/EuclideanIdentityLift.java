package org.riemopt.manifolds;

import org.riemopt.linalg.AmbientMatrix;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.problem.Lift;
import org.riemopt.problem.Linearization;
import org.riemopt.problem.MeasurementOperator;
import org.riemopt.problem.ResidualWeight;

/**
 * The identity lift {@code φ(X) = X} on a Euclidean space of matrices: the Jacobian is the operator itself, so
 * the gradient and each Hessian-vector product apply the operator ({@code O(m·dim)}, with {@code dim = rows·cols}:
 * here the operator's data is the Jacobian cache).
 */
public final class EuclideanIdentityLift implements Lift<DenseMatrix, DenseMatrix> {

    private final int rows;
    private final int cols;

    /** The identity on {@code rows x cols} matrices. */
    public EuclideanIdentityLift(int rows, int cols) {
        this.rows = rows;
        this.cols = cols;
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int cols() {
        return cols;
    }

    @Override
    public DenseMatrix matrix(DenseMatrix x) {
        return x;
    }

    @Override
    public Linearization<DenseMatrix> linearize(DenseMatrix x, MeasurementOperator operator,
                                                ResidualWeight weight) {
        double[] values = operator.apply(x);
        double[] weights = new double[values.length];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = weight.weight(i, values[i]);
        }
        return new Linearization<>() {
            @Override
            public double[] values() {
                return values;
            }

            @Override
            public double[] weights() {
                return weights;
            }

            @Override
            public double[] push(DenseMatrix u) {
                return operator.apply(u);
            }

            @Override
            public AmbientMatrix pullback(double[] w) {
                return operator.adjoint(w);
            }

            @Override
            public AmbientMatrix curvature(double[] w, DenseMatrix u) {
                return null;
            }
        };
    }
}
