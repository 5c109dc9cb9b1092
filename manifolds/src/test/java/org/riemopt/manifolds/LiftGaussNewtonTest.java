package org.riemopt.manifolds;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.riemopt.linalg.AmbientMatrix;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.problem.DenseMeasurementOperator;
import org.riemopt.problem.Linearization;

/**
 * Each factored lift hands the Gauss–Newton product to the operator's Jacobian (one sweep of a dense cache) and
 * gets the bits of {@code pullback(ℓ'' ⊙ push(u))}, the composition the Hessian used before: on the products the
 * manifold asks for, and for a fixed-rank point also on the adjoint it forms only when another product is asked.
 */
class LiftGaussNewtonTest {

    private final Random random = new Random(12);

    private DenseMeasurementOperator gaussian(int m, int rows, int cols, boolean symmetric) {
        List<DenseMatrix> a = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            DenseMatrix g = DenseMatrix.gaussian(rows, cols, random);
            a.add(symmetric ? g.plus(g.transpose()) : g);
        }
        return DenseMeasurementOperator.of(a);
    }

    /** {@code pullback(s ⊙ push(u))}, as {@link Linearization}'s default composes it. */
    private static <T> AmbientMatrix composed(Linearization<T> lin, T u, double[] s) {
        double[] pushed = lin.push(u);
        for (int i = 0; i < pushed.length; i++) {
            pushed[i] *= s[i];
        }
        return lin.pullback(pushed);
    }

    @Test
    void xxtProductIsTheComposedOne() {
        for (boolean symmetric : new boolean[] {true, false}) {
            DenseMatrix x = DenseMatrix.gaussian(11, 3, random);
            Linearization<DenseMatrix> lin = new XxtLift(11, 3).linearize(x, gaussian(19, 11, 11, symmetric),
                    (i, value) -> value);
            DenseMatrix u = DenseMatrix.gaussian(11, 3, random);
            double[] s = random.doubles(19, -1, 2).toArray();
            assertArrayEquals(composed(lin, u, s).toDense().data(), lin.gaussNewton(u, s).toDense().data(),
                    "symmetric = " + symmetric);
        }
    }

    @Test
    void uvtProductIsTheComposedOne() {
        Tuple x = Tuple.of(DenseMatrix.gaussian(9, 2, random), DenseMatrix.gaussian(13, 2, random));
        Linearization<Tuple> lin = new UvtLift(9, 13).linearize(x, gaussian(10, 9, 13, false), (i, value) -> value);
        Tuple u = Tuple.of(DenseMatrix.gaussian(9, 2, random), DenseMatrix.gaussian(13, 2, random));
        double[] s = random.doubles(10, -1, 2).toArray();
        assertArrayEquals(composed(lin, u, s).toDense().data(), lin.gaussNewton(u, s).toDense().data());
    }

    @Test
    void fixedRankProductIsTheComposedOne() {
        FixedRankEmbedded manifold = new FixedRankEmbedded(9, 13, 3);
        FixedRankPoint x = manifold.random(random);
        Linearization<FixedRankTangent> lin = new FixedRankIdentityLift(9, 13).linearize(x,
                gaussian(17, 9, 13, false), (i, value) -> value);
        FixedRankTangent u = manifold.randomTangent(x, random);
        double[] s = random.doubles(17, -1, 2).toArray();
        AmbientMatrix expected = composed(lin, u, s);
        AmbientMatrix actual = lin.gaussNewton(u, s);
        assertArrayEquals(expected.times(x.v()).data(), actual.times(x.v()).data(), "H·V");
        assertArrayEquals(expected.transposeTimes(x.u()).data(), actual.transposeTimes(x.u()).data(), "Hᵀ·U");
        assertArrayEquals(expected.toDense().data(), actual.toDense().data(), "H");
        DenseMatrix other = DenseMatrix.gaussian(13, 2, random);
        assertArrayEquals(expected.times(other).data(), actual.times(other).data(), "H times another matrix");
    }
}
