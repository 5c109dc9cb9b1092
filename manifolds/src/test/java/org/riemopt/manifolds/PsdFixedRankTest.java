package org.riemopt.manifolds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.manifold.Manifold;
import org.riemopt.manifold.SearchSpace;
import org.riemopt.problem.Lift;
import org.riemopt.spi.Parameters;
import org.riemopt.testing.ManifoldContract;

/** {@link PsdFixedRank} 7 x 7 of rank 3 with the {@code XXᵀ} lift, plus its horizontal-space identities. */
class PsdFixedRankTest extends ManifoldContract<DenseMatrix, DenseMatrix> {

    private final PsdFixedRank manifold = new PsdFixedRank(7, 3);
    private final Random random = new Random(SEED + 2);

    @Override
    protected Manifold<DenseMatrix, DenseMatrix> manifold() {
        return manifold;
    }

    @Override
    protected DenseMatrix embed(DenseMatrix y) {
        return y;
    }

    @Override
    protected DenseMatrix embedTangent(DenseMatrix y, DenseMatrix u) {
        return u;
    }

    @Override
    protected List<Lift<DenseMatrix, DenseMatrix>> lifts() {
        return List.of(new XxtLift(7, 3));
    }

    @Test
    void dimensionAndTypicalDistAreManopts() {
        assertEquals(3 * 7 - 3, manifold.dim());
        assertEquals(30, manifold.typicalDist());
        assertEquals(10, new PsdFixedRank(10, 1).dim());
    }

    @Test
    void projectionIsHorizontal() {
        DenseMatrix y = manifold.random(random);
        DenseMatrix z = DenseMatrix.gaussian(7, 3, random);
        assertEquals(0, skewPart(y, manifold.proj(y, z)).normF(), 1e-12 * y.normF() * z.normF());
    }

    @Test
    void verticalVectorsProjectToZero() {
        DenseMatrix y = manifold.random(random);
        DenseMatrix g = DenseMatrix.gaussian(3, 3, random);
        DenseMatrix vertical = y.times(g.minus(g.transpose()));
        assertEquals(0, manifold.proj(y, vertical).normF(), 1e-12 * vertical.normF());
    }

    @Test
    void gradientOfL2SensingThroughXxtIsHorizontal() {
        DenseMatrix y = manifold.random(random);
        DenseMatrix grad = sensingProblem(new XxtLift(7, 3)).gradient(y);
        assertEquals(0, skewPart(y, grad).normF(), 1e-12 * y.normF() * grad.normF());
    }

    @Test
    void rankDeficientFactorIsNotAPoint() {
        DenseMatrix y = DenseMatrix.ofRows(new double[][] {{1, 2}, {2, 4}, {3, 6}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PsdFixedRank(3, 2).fromMatrix(y));
        assertTrue(e.getMessage().contains("rank below 2") && e.getMessage().contains("singular values"),
                e.getMessage());
        DenseMatrix full = DenseMatrix.gaussian(3, 2, random);
        assertSame(full, new PsdFixedRank(3, 2).fromMatrix(full));
    }

    @Test
    void rankMustFitTheSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PsdFixedRank(3, 4));
        assertTrue(e.getMessage().contains("rank 4") && e.getMessage().contains("1 to 3"), e.getMessage());
    }

    @Test
    void providerBuildsTheSpaceWithTheXxtLift() {
        PsdFixedRankProvider provider = new PsdFixedRankProvider();
        SearchSpace<DenseMatrix, DenseMatrix> space = provider.create(
                Parameters.of(provider.parameters(), Map.of("rows", 5, "rank", 2)));
        assertEquals("PsdFixedRank(5x5, rank 2)", space.manifold().name());
        assertEquals("xxt", space.defaultLift());
        assertEquals(5, space.lifts().get("xxt").rows());
        assertThrows(IllegalArgumentException.class, () -> space.pointFromMatrix(DenseMatrix.zeros(5, 2)));
    }

    /** {@code YᵀU − UᵀY}, zero exactly when {@code U} is horizontal at {@code Y}. */
    private static DenseMatrix skewPart(DenseMatrix y, DenseMatrix u) {
        DenseMatrix ytu = y.transposeTimes(u);
        return ytu.minus(ytu.transpose());
    }
}
