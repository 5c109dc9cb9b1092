package org.riemopt.manifolds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.riemopt.linalg.AmbientMatrix;
import org.riemopt.linalg.Decompositions;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.manifold.Manifold;
import org.riemopt.problem.Lift;
import org.riemopt.testing.ManifoldContract;

/** {@link FixedRankEmbedded} 8 x 6 of rank 2 with the identity lift, plus its own identities. */
class FixedRankEmbeddedTest extends ManifoldContract<FixedRankPoint, FixedRankTangent> {

    private final FixedRankEmbedded manifold = new FixedRankEmbedded(8, 6, 2);
    private final Random random = new Random(SEED + 1);

    @Override
    protected Manifold<FixedRankPoint, FixedRankTangent> manifold() {
        return manifold;
    }

    @Override
    protected DenseMatrix embed(FixedRankPoint x) {
        return x.toMatrix();
    }

    @Override
    protected DenseMatrix embedTangent(FixedRankPoint x, FixedRankTangent u) {
        return manifold.ambient(x, u).toDense();
    }

    @Override
    protected List<Lift<FixedRankPoint, FixedRankTangent>> lifts() {
        return List.of(new FixedRankIdentityLift(8, 6));
    }

    @Test
    void dimensionAndTypicalDistAreManopts() {
        assertEquals((8 + 6 - 2) * 2, manifold.dim());
        assertEquals(manifold.dim(), manifold.typicalDist());
    }

    @Test
    void retractionIsTheMetricProjection() {
        // R(x, u) is the best rank-r approximation of x + u: compare with a dense truncated SVD.
        FixedRankPoint x = manifold.random(random);
        FixedRankTangent u = manifold.lincomb(x, 0.7, manifold.randomTangent(x, random), 0, manifold.zeroTangent(x));
        DenseMatrix sum = x.toMatrix().plus(embedTangent(x, u));
        Decompositions.SVD svd = Decompositions.svd(sum);
        DenseMatrix best = svd.u().columns(0, 2).times(DenseMatrix.diagonal(java.util.Arrays.copyOf(svd.s(), 2)))
                .timesTranspose(svd.v().columns(0, 2));
        assertEquals(0, manifold.retract(x, u, 1).toMatrix().minus(best).normF(), 1e-12);
        FixedRankPoint y = manifold.retract(x, u, 1);
        assertEquals(0, y.u().transposeTimes(y.u()).minus(DenseMatrix.identity(2)).normF(), 1e-12);
        assertEquals(0, y.v().transposeTimes(y.v()).minus(DenseMatrix.identity(2)).normF(), 1e-12);
    }

    @Test
    void projectionWorksFromProductsAlone() {
        // An ambient matrix that refuses to be formed densely: proj and egradToRgrad must not need it.
        FixedRankPoint x = manifold.random(random);
        DenseMatrix g = DenseMatrix.gaussian(8, 6, random);
        AmbientMatrix productsOnly = new AmbientMatrix() {
            @Override public int rows() { return 8; }
            @Override public int cols() { return 6; }
            @Override public DenseMatrix times(DenseMatrix v) { return g.times(v); }
            @Override public DenseMatrix transposeTimes(DenseMatrix u) { return g.transposeTimes(u); }
            @Override public DenseMatrix toDense() { throw new AssertionError("formed a dense matrix"); }
        };
        assertTangentEquals(x, manifold.proj(x, g), manifold.egradToRgrad(x, productsOnly), 1e-14);
    }

    @Test
    void rankMustFitTheDimensions() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FixedRankEmbedded(3, 4, 5));
        assertTrue(e.getMessage().contains("rank 5") && e.getMessage().contains("1 to 3"), e.getMessage());
    }

    @Test
    void rankDeficientMatrixIsNotAPoint() {
        DenseMatrix rankOne = DenseMatrix.ofRows(new double[][] {{1, 2}, {2, 4}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FixedRankEmbedded(2, 2, 2).fromMatrix(rankOne));
        assertTrue(e.getMessage().contains("numerical rank 1"), e.getMessage());
    }

    @Test
    void higherRankMatrixIsRefusedNotTruncated() {
        DenseMatrix full = DenseMatrix.gaussian(8, 6, random);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> manifold.fromMatrix(full));
        assertTrue(e.getMessage().contains("numerical rank 6") && e.getMessage().contains("rank exactly 2"),
                e.getMessage());
    }

    @Test
    void pointFromFactorsIsTheMatrixTheyMultiplyTo() {
        DenseMatrix l = DenseMatrix.gaussian(8, 2, random);
        DenseMatrix r = DenseMatrix.gaussian(6, 2, random);
        FixedRankPoint x = manifold.fromFactors(l, r);
        assertEquals(0, x.toMatrix().minus(l.timesTranspose(r)).normF(), 1e-12 * l.timesTranspose(r).normF());
        assertEquals(0, x.u().transposeTimes(x.u()).minus(DenseMatrix.identity(2)).normF(), 1e-12);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> manifold.fromFactors(l, DenseMatrix.zeros(6, 2)));
        assertTrue(e.getMessage().contains("numerical rank 0"), e.getMessage());
    }
}
