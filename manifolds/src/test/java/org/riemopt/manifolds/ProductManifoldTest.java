package org.riemopt.manifolds;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.riemopt.linalg.AmbientMatrix;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.linalg.LowRankMatrix;
import org.riemopt.linalg.ProductAmbient;
import org.riemopt.manifold.Manifold;
import org.riemopt.manifold.SearchSpace;
import org.riemopt.problem.DenseMeasurementOperator;
import org.riemopt.problem.Lift;
import org.riemopt.problem.Linearization;
import org.riemopt.spi.Parameters;
import org.riemopt.testing.ManifoldContract;

/**
 * {@link ProductManifold} of {@code Euclidean(5x2) x Euclidean(4x2)} with the {@code UVᵀ} lift, plus
 * {@link ProductAmbient}'s products and the {@code factors} provider.
 */
class ProductManifoldTest extends ManifoldContract<Tuple, Tuple> {

    private final ProductManifold manifold = ProductManifold.of(new Euclidean(5, 2), new Euclidean(4, 2));
    private final Random random = new Random(SEED + 3);

    @Override
    protected Manifold<Tuple, Tuple> manifold() {
        return manifold;
    }

    @Override
    protected DenseMatrix embed(Tuple x) {
        return blockDiagonal(x);
    }

    @Override
    protected DenseMatrix embedTangent(Tuple x, Tuple u) {
        return blockDiagonal(u);
    }

    @Override
    protected List<Lift<Tuple, Tuple>> lifts() {
        return List.of(new UvtLift(5, 4));
    }

    @Test
    void dimensionNameAndTypicalDistAreManopts() {
        ProductManifold m = ProductManifold.of(new Euclidean(20, 2), new Euclidean(15, 2));
        assertEquals(70, m.dim());
        assertEquals(Math.sqrt(70), m.typicalDist(), 1e-15);
        assertEquals("Product(Euclidean(20x2), Euclidean(15x2))", m.name());
        assertEquals(35, m.ambientRows());
        assertEquals(4, m.ambientCols());
    }

    @Test
    void productAmbientIsTheBlockDiagonalMatrix() {
        DenseMatrix a = DenseMatrix.gaussian(5, 2, random);
        DenseMatrix b = DenseMatrix.gaussian(4, 3, random);
        DenseMatrix dense = ProductAmbient.of(a, b).toDense();
        assertEquals(9, dense.rows());
        assertEquals(5, dense.cols());
        for (int i = 0; i < 9; i++) {
            for (int j = 0; j < 5; j++) {
                double expected = i < 5 && j < 2 ? a.get(i, j) : i >= 5 && j >= 2 ? b.get(i - 5, j - 2) : 0;
                assertEquals(expected, dense.get(i, j), 0);
            }
        }
    }

    @Test
    void productAmbientProductsAreTheDenseProducts() {
        // One block known only through its products: the products must not need it dense.
        LowRankMatrix lowRank = new LowRankMatrix(DenseMatrix.gaussian(6, 2, random),
                DenseMatrix.gaussian(3, 2, random));
        ProductAmbient p = ProductAmbient.of(DenseMatrix.gaussian(5, 2, random), lowRank);
        DenseMatrix dense = p.toDense();
        DenseMatrix v = DenseMatrix.gaussian(5, 3, random);
        DenseMatrix u = DenseMatrix.gaussian(11, 3, random);
        assertEquals(0, p.times(v).minus(dense.times(v)).normF(), 1e-13);
        assertEquals(0, p.transposeTimes(u).minus(dense.transposeTimes(u)).normF(), 1e-13);
    }

    @Test
    void sumOfProductAmbientsIsBlockwise() {
        ProductAmbient p = ProductAmbient.of(DenseMatrix.gaussian(5, 2, random), DenseMatrix.gaussian(4, 2, random));
        ProductAmbient q = ProductAmbient.of(DenseMatrix.gaussian(5, 2, random), DenseMatrix.gaussian(4, 2, random));
        AmbientMatrix sum = p.plus(q);
        assertInstanceOf(ProductAmbient.class, sum);
        assertEquals(0, sum.toDense().minus(p.toDense().plus(q.toDense())).normF(), 1e-14);
        // Another layout of the same total shape is not blockwise: the lazy sum.
        ProductAmbient other = ProductAmbient.of(DenseMatrix.gaussian(4, 2, random),
                DenseMatrix.gaussian(5, 2, random));
        AmbientMatrix lazy = p.plus(other);
        assertNotEquals(ProductAmbient.class, lazy.getClass());
        assertEquals(0, lazy.toDense().minus(p.toDense().plus(other.toDense())).normF(), 1e-14);
    }

    @Test
    void projectionOfAProductAmbientIsThatOfItsDenseForm() {
        Tuple x = manifold.random(random);
        ProductAmbient p = ProductAmbient.of(DenseMatrix.gaussian(5, 2, random), DenseMatrix.gaussian(4, 2, random));
        assertTangentEquals(x, manifold.proj(x, p.toDense()), manifold.proj(x, p), 1e-15);
        // A lazy sum is not block-diagonal: it is split into block views of itself.
        DenseMatrix offDiagonal = DenseMatrix.gaussian(9, 4, random);
        AmbientMatrix lazySum = p.plus(offDiagonal);
        assertTangentEquals(x, manifold.proj(x, p.toDense().plus(offDiagonal)), manifold.proj(x, lazySum), 1e-14);
    }

    @Test
    void tuplesAreEqualByComponents() {
        DenseMatrix a = DenseMatrix.gaussian(2, 2, random);
        assertEquals(Tuple.of(a, "b"), Tuple.of(a, "b"));
        assertEquals(Tuple.of(a, "b").hashCode(), Tuple.of(a, "b").hashCode());
        assertNotEquals(Tuple.of(a, "b"), Tuple.of("b", a));
        DenseMatrix first = Tuple.of(a, "b").get(0);
        assertEquals(a, first);
    }

    @Test
    void uvtLiftAgreesWithTheDenseChainRule() {
        Tuple x = manifold.random(random);
        DenseMatrix u = x.get(0);
        DenseMatrix v = x.get(1);
        List<DenseMatrix> matrices = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            matrices.add(DenseMatrix.gaussian(5, 4, random));
        }
        DenseMeasurementOperator operator = DenseMeasurementOperator.of(matrices);
        UvtLift lift = new UvtLift(5, 4);
        Linearization<Tuple> lin = lift.linearize(x, operator, (i, value) -> 2 * value);
        assertEquals(0, lift.matrix(x).toDense().minus(u.timesTranspose(v)).normF(), 1e-15);
        double[] values = operator.apply(u.timesTranspose(v));
        assertArrayEquals(values, lin.values(), 1e-13);
        Tuple d = manifold.randomTangent(x, random);
        DenseMatrix du = d.get(0);
        DenseMatrix dv = d.get(1);
        assertArrayEquals(operator.apply(du.timesTranspose(v).plus(u.timesTranspose(dv))), lin.push(d), 1e-13);
        DenseMatrix g = operator.adjoint(lin.weights()).toDense();
        DenseMatrix pullback = ProductAmbient.of(g.times(v), g.transposeTimes(u)).toDense();
        assertEquals(0, lin.pullback(lin.weights()).toDense().minus(pullback).normF(), 1e-13 * g.normF());
        DenseMatrix curvature = ProductAmbient.of(g.times(dv), g.transposeTimes(du)).toDense();
        assertEquals(0, lin.curvature(lin.weights(), d).toDense().minus(curvature).normF(), 1e-13 * g.normF());
    }

    @Test
    void factorSpaceProviderBuildsTheProductWithTheUvtLift() {
        FactorSpaceProvider provider = new FactorSpaceProvider();
        SearchSpace<Tuple, Tuple> space = provider.create(
                Parameters.of(provider.parameters(), Map.of("rows", 5, "cols", 4, "rank", 2)));
        assertEquals("Product(Euclidean(5x2), Euclidean(4x2))", space.manifold().name());
        assertEquals("uvt", space.defaultLift());
        assertEquals(5, space.lifts().get("uvt").rows());
        assertEquals(4, space.lifts().get("uvt").cols());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> space.pointFromMatrix(DenseMatrix.zeros(5, 4)));
        assertTrue(e.getMessage().contains("init: {u: U, v: V}"), e.getMessage());
    }

    /** The components of a tuple of dense matrices as one block-diagonal matrix. */
    private static DenseMatrix blockDiagonal(Tuple t) {
        return ProductAmbient.of(t.<DenseMatrix>get(0), t.<DenseMatrix>get(1)).toDense();
    }
}
