package org.riemopt.manifolds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.manifold.Manifold;
import org.riemopt.manifolds.ScaledPreconditioner.Damping;
import org.riemopt.plugins.losses.L2Loss;
import org.riemopt.problem.DenseMeasurementOperator;
import org.riemopt.problem.Lift;
import org.riemopt.problem.Preconditioner;
import org.riemopt.problem.Problem;

class ScaledPreconditionerTest {

    private final Random random = new Random(11);

    private <P, T> Problem<P, T> problem(Manifold<P, T> manifold, Lift<P, T> lift) {
        List<DenseMatrix> a = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            a.add(DenseMatrix.gaussian(lift.rows(), lift.cols(), random));
        }
        double[] b = new double[a.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = random.nextGaussian();
        }
        return new Problem<>(manifold, lift, DenseMeasurementOperator.of(a), b, new L2Loss(), List.of());
    }

    /** ⟨Pu, v⟩ = ⟨u, Pv⟩ and ⟨Pu, u⟩ > 0 on random tangent vectors, at a point with a rank-deficient factor. */
    private <P, T> void assertSelfAdjointPositive(Problem<P, T> problem, P x, Damping damping) {
        Manifold<P, T> m = problem.manifold();
        UnaryOperator<T> p = ScaledPreconditioner.of(problem, damping).orElseThrow().at(x);
        for (int k = 0; k < 5; k++) {
            T u = m.randomTangent(x, random);
            T v = m.randomTangent(x, random);
            double puv = m.inner(x, p.apply(u), v);
            assertEquals(puv, m.inner(x, u, p.apply(v)), 1e-12 * Math.abs(puv) + 1e-15);
            assertTrue(m.inner(x, p.apply(u), u) > 0);
        }
    }

    private static DenseMatrix rankDeficient(int n, int r, Random random) {
        DenseMatrix x = DenseMatrix.gaussian(n, r, random);
        return x.hconcat(x.columns(0, 1).scale(2)); // the last column repeats the first: XᵀX is singular
    }

    @Test
    void xxtPreconditionerIsSelfAdjointPositiveDefiniteAndInvertsTheDampedGram() {
        Problem<DenseMatrix, DenseMatrix> p = problem(new Euclidean(6, 3), new XxtLift(6, 3));
        DenseMatrix x = rankDeficient(6, 2, random);
        assertSelfAdjointPositive(p, x, Damping.AUTO);
        assertSelfAdjointPositive(p, x, new Damping(0.5, 1));
        DenseMatrix u = DenseMatrix.gaussian(6, 3, random);
        double eta = Math.sqrt(p.cost(x));
        DenseMatrix pu = ScaledPreconditioner.of(p, Damping.AUTO).orElseThrow().at(x).apply(u);
        DenseMatrix gram = x.transposeTimes(x).plus(DenseMatrix.identity(3).scale(eta));
        assertEquals(0, pu.times(gram).minus(u).normF(), 1e-10 * u.normF(), "P(U)(XᵀX + √f I) = U");
    }

    @Test
    void uvtPreconditionerScalesEachFactorByTheOthersGram() {
        ProductManifold m = ProductManifold.of(new Euclidean(5, 2), new Euclidean(4, 2));
        Problem<Tuple, Tuple> p = problem(m, new UvtLift(5, 4));
        Tuple x = Tuple.of(DenseMatrix.gaussian(5, 2, random), DenseMatrix.gaussian(4, 2, random));
        assertSelfAdjointPositive(p, x, Damping.AUTO);
        Damping fixed = new Damping(0.25, 1);
        Tuple u = m.randomTangent(x, random);
        Tuple pu = ScaledPreconditioner.of(p, fixed).orElseThrow().at(x).apply(u);
        DenseMatrix uFactor = x.get(0);
        DenseMatrix vFactor = x.get(1);
        DenseMatrix gramV = vFactor.transposeTimes(vFactor).plus(DenseMatrix.identity(2).scale(0.25));
        DenseMatrix gramU = uFactor.transposeTimes(uFactor).plus(DenseMatrix.identity(2).scale(0.25));
        assertEquals(0, pu.<DenseMatrix>get(0).times(gramV).minus(u.get(0)).normF(), 1e-12);
        assertEquals(0, pu.<DenseMatrix>get(1).times(gramU).minus(u.get(1)).normF(), 1e-12);
    }

    @Test
    void withoutDampingASingularGramIsRefusedAndOtherLiftsHaveNoPreconditioner() {
        Problem<DenseMatrix, DenseMatrix> p = problem(new Euclidean(6, 3), new XxtLift(6, 3));
        Preconditioner<DenseMatrix, DenseMatrix> undamped = ScaledPreconditioner.of(p, new Damping(0, 1))
                .orElseThrow();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> undamped.at(rankDeficient(6, 2, random)));
        assertTrue(e.getMessage().contains("use a positive damping"), e.getMessage());
        Problem<DenseMatrix, DenseMatrix> identity = problem(new Euclidean(4, 3), new EuclideanIdentityLift(4, 3));
        assertTrue(ScaledPreconditioner.of(identity, Damping.AUTO).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new Damping(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Damping(Double.NaN, 0));
    }
}
