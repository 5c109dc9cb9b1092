package org.riemopt.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.riemopt.diagnostics.DerivativeChecks;
import org.riemopt.diagnostics.SlopeCheck;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.manifold.Manifold;
import org.riemopt.problem.DenseMeasurementOperator;
import org.riemopt.problem.Lift;
import org.riemopt.problem.Loss;
import org.riemopt.problem.Problem;

/**
 * The identities every {@link Manifold} must satisfy, and the Taylor slopes of an ℓ2 sensing cost through each of
 * its lifts. An implementation's test subclasses this and supplies the manifold, its embedding into matrices (for
 * the identities) and its lifts. Randomness is seeded.
 *
 * @param <P> point type
 * @param <T> tangent vector type
 */
public abstract class ManifoldContract<P, T> {

    /** The seed of every random draw in the contract. */
    protected static final long SEED = 20261124L;

    /** The manifold under test. */
    protected abstract Manifold<P, T> manifold();

    /** The point as a matrix of the ambient space. */
    protected abstract DenseMatrix embed(P x);

    /** The tangent vector as a matrix of the ambient space. */
    protected abstract DenseMatrix embedTangent(P x, T u);

    /** The lifts whose composed ℓ2 cost must pass the Taylor tests. */
    protected abstract List<Lift<P, T>> lifts();

    /** The least-squares loss, {@code ½ r²}. */
    protected static final Loss L2 = new Loss() {
        @Override public String name() { return "l2"; }
        @Override public double value(double r) { return 0.5 * r * r; }
        @Override public double derivative(double r) { return r; }
        @Override public double secondDerivative(double r) { return 1; }
    };

    private final Random random = new Random(SEED);

    @Test
    void projectionIsIdempotentAndFixesTangentVectors() {
        Manifold<P, T> m = manifold();
        P x = m.random(random);
        DenseMatrix z = DenseMatrix.gaussian(embed(x).rows(), embed(x).cols(), random);
        T p = m.proj(x, z);
        T pp = m.proj(x, embedTangent(x, p));
        assertTangentEquals(x, p, pp, 1e-12);
        T u = m.randomTangent(x, random);
        assertTangentEquals(x, u, m.proj(x, embedTangent(x, u)), 1e-12);
    }

    @Test
    void projectionIsOrthogonal() {
        Manifold<P, T> m = manifold();
        P x = m.random(random);
        DenseMatrix z = DenseMatrix.gaussian(embed(x).rows(), embed(x).cols(), random);
        DenseMatrix residual = z.minus(embedTangent(x, m.proj(x, z)));
        T u = m.randomTangent(x, random);
        assertEquals(0, residual.inner(embedTangent(x, u)), 1e-12 * z.normF());
    }

    @Test
    void metricIsTheAmbientInnerProduct() {
        Manifold<P, T> m = manifold();
        P x = m.random(random);
        T u = m.randomTangent(x, random);
        T v = m.randomTangent(x, random);
        assertEquals(embedTangent(x, u).inner(embedTangent(x, v)), m.inner(x, u, v), 1e-12);
        assertEquals(1, m.norm(x, u), 1e-12);
        DenseMatrix combined = embedTangent(x, m.lincomb(x, 2, u, -3, v));
        DenseMatrix expected = DenseMatrix.lincomb(2, embedTangent(x, u), -3, embedTangent(x, v));
        assertEquals(0, combined.minus(expected).normF(), 1e-12);
    }

    @Test
    void retractionIsIdentityAtZeroAndAgreesToFirstOrder() {
        Manifold<P, T> m = manifold();
        P x = m.random(random);
        T u = m.randomTangent(x, random);
        assertEquals(0, embed(m.retract(x, m.zeroTangent(x), 1)).minus(embed(x)).normF(), 1e-12);
        // ‖R(x, tu) − (x + tu)‖ = O(t²): the error ratio over a decade of t is about 100.
        double e1 = embed(m.retract(x, u, 1e-3)).minus(embed(x).plus(embedTangent(x, u).scale(1e-3))).normF();
        double e2 = embed(m.retract(x, u, 1e-4)).minus(embed(x).plus(embedTangent(x, u).scale(1e-4))).normF();
        assertTrue(e2 <= 1e-9 || (e1 / e2 > 50 && e1 / e2 < 200), "first-order agreement: " + e1 + ", " + e2);
    }

    @Test
    void transportLandsInTheTangentSpace() {
        Manifold<P, T> m = manifold();
        P x = m.random(random);
        P y = m.retract(x, m.randomTangent(x, random), 0.5);
        T moved = m.transport(x, y, m.randomTangent(x, random));
        assertTangentEquals(y, moved, m.proj(y, embedTangent(y, moved)), 1e-12);
    }

    @Test
    void gradientAndHessianOfL2SensingPassTaylorTests() {
        Manifold<P, T> m = manifold();
        for (Lift<P, T> lift : lifts()) {
            Problem<P, T> problem = sensingProblem(lift);
            P x = m.random(random);
            T d = m.randomTangent(x, random);
            SlopeCheck g = DerivativeChecks.gradient(problem, x, d);
            SlopeCheck h = DerivativeChecks.hessian(problem, x, d);
            assertEquals(2, g.slope(), 0.1, "gradient slope through " + lift.getClass().getSimpleName());
            assertTrue(h.exact() || Math.abs(h.slope() - 3) < 0.1,
                    "Hessian slope through " + lift.getClass().getSimpleName() + ": " + h.slope());
            T u = m.randomTangent(x, random);
            T v = m.randomTangent(x, random);
            double scale = m.norm(x, problem.hessian(x, u)) + m.norm(x, problem.hessian(x, v));
            assertEquals(0, DerivativeChecks.hessianSymmetryError(problem, x, u, v), 1e-12 * scale);
        }
    }

    /** An ℓ2 Gaussian sensing problem through {@code lift} with a random target. */
    protected Problem<P, T> sensingProblem(Lift<P, T> lift) {
        int measurements = 3 * lift.rows() * lift.cols() / 2 + 5;
        List<DenseMatrix> a = new ArrayList<>();
        for (int i = 0; i < measurements; i++) {
            a.add(DenseMatrix.gaussian(lift.rows(), lift.cols(), random));
        }
        double[] b = new double[measurements];
        for (int i = 0; i < measurements; i++) {
            b[i] = random.nextGaussian();
        }
        return new Problem<>(manifold(), lift, DenseMeasurementOperator.of(a), b, L2, List.of());
    }

    /** Asserts two tangent vectors at {@code x} agree in the manifold's norm. */
    protected void assertTangentEquals(P x, T expected, T actual, double tolerance) {
        Manifold<P, T> m = manifold();
        double diff = m.norm(x, m.lincomb(x, 1, expected, -1, actual));
        assertTrue(diff <= tolerance * Math.max(1, m.norm(x, expected)), "tangent vectors differ by " + diff);
    }
}
