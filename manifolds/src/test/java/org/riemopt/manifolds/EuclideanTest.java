package org.riemopt.manifolds;

import java.util.List;

import org.riemopt.linalg.DenseMatrix;
import org.riemopt.manifold.Manifold;
import org.riemopt.problem.Lift;
import org.riemopt.testing.ManifoldContract;

/** {@link Euclidean} 7 x 3 with the {@code XXᵀ} and identity lifts. */
class EuclideanTest extends ManifoldContract<DenseMatrix, DenseMatrix> {

    private final Euclidean manifold = new Euclidean(7, 3);

    @Override
    protected Manifold<DenseMatrix, DenseMatrix> manifold() {
        return manifold;
    }

    @Override
    protected DenseMatrix embed(DenseMatrix x) {
        return x;
    }

    @Override
    protected DenseMatrix embedTangent(DenseMatrix x, DenseMatrix u) {
        return u;
    }

    @Override
    protected List<Lift<DenseMatrix, DenseMatrix>> lifts() {
        return List.of(new XxtLift(7, 3), new EuclideanIdentityLift(7, 3));
    }
}
