package org.riemopt.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.manifold.Manifold;
import org.riemopt.manifolds.Euclidean;
import org.riemopt.manifolds.EuclideanIdentityLift;
import org.riemopt.manifolds.FixedRankEmbedded;
import org.riemopt.manifolds.FixedRankIdentityLift;
import org.riemopt.manifolds.FixedRankPoint;
import org.riemopt.manifolds.FixedRankTangent;
import org.riemopt.manifolds.XxtLift;
import org.riemopt.plugins.losses.L2Loss;
import org.riemopt.problem.DenseMeasurementOperator;
import org.riemopt.problem.Lift;
import org.riemopt.problem.Problem;

/** {@link HessianLanczos} against known spectra, the dense {@link HessianSpectrum} and its own residuals. */
class HessianLanczosTest {

    private static final long SEED = 20261125L;

    @Test
    void boumalTwoByTwoHasSpectrumOneTwoSeven() {
        // examples/boumal-2x2.yaml: the spurious local minimum X = [[0,0],[0,1/2]] of a rank-1 sensing problem.
        FixedRankEmbedded manifold = new FixedRankEmbedded(2, 2, 1);
        List<DenseMatrix> a = List.of(
                DenseMatrix.ofRows(new double[][] {{Math.sqrt(2), 0}, {0, Math.sqrt(0.5)}}),
                DenseMatrix.ofRows(new double[][] {{0, 0}, {2, 0}}),
                DenseMatrix.ofRows(new double[][] {{0, 2}, {0, 0}}),
                DenseMatrix.ofRows(new double[][] {{0, 0}, {0, Math.sqrt(1.5)}}));
        DenseMeasurementOperator operator = DenseMeasurementOperator.of(a);
        double[] b = operator.apply(DenseMatrix.ofRows(new double[][] {{1, 0}, {0, 0}}));
        Problem<FixedRankPoint, FixedRankTangent> problem = new Problem<>(manifold,
                new FixedRankIdentityLift(2, 2), operator, b, new L2Loss(), List.of());
        FixedRankPoint x = manifold.fromMatrix(DenseMatrix.ofRows(new double[][] {{0, 0}, {0, 0.5}}));

        ExtremeEigenpairs<FixedRankTangent> e = HessianLanczos.extremes(problem, x, new Random(SEED));

        assertEquals(1, e.min(), 1e-10);
        assertEquals(7, e.max(), 1e-10);
        assertTrue(e.converged());
        assertTrue(e.iterations() <= manifold.dim());
        assertUnitTangent(manifold, x, e.minVector());
        assertUnitTangent(manifold, x, e.maxVector());
    }

    @Test
    void agreesWithTheDenseSpectrumOnEuclideanXxt() {
        Random random = new Random(SEED);
        Euclidean manifold = new Euclidean(7, 3);
        Problem<DenseMatrix, DenseMatrix> problem = gaussianSensing(manifold, new XxtLift(7, 3), random);
        assertAgreesWithDense(problem, manifold.random(random), random);
    }

    @Test
    void agreesWithTheDenseSpectrumOnFixedRank() {
        Random random = new Random(SEED + 1);
        FixedRankEmbedded manifold = new FixedRankEmbedded(8, 6, 2);
        Problem<FixedRankPoint, FixedRankTangent> problem =
                gaussianSensing(manifold, new FixedRankIdentityLift(8, 6), random);
        FixedRankPoint x = manifold.random(random);
        ExtremeEigenpairs<FixedRankTangent> e = assertAgreesWithDense(problem, x, random);
        assertUnitTangent(manifold, x, e.minVector());
        assertUnitTangent(manifold, x, e.maxVector());
    }

    @Test
    void convergesWithSmallResidualsInDimension300() {
        // Symmetric sensing of a rank-5 PSD matrix through XXᵀ, n = 60, r = 5 (dim 300), m = 400, at a random point.
        Random random = new Random(SEED + 2);
        int n = 60;
        int r = 5;
        int m = 400;
        List<DenseMatrix> a = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            DenseMatrix g = DenseMatrix.gaussian(n, n, random);
            a.add(g.plus(g.transpose()).scale(0.5 / Math.sqrt(m)));
        }
        DenseMeasurementOperator operator = DenseMeasurementOperator.of(a);
        DenseMatrix z = DenseMatrix.gaussian(n, r, random);
        Euclidean manifold = new Euclidean(n, r);
        Problem<DenseMatrix, DenseMatrix> problem = new Problem<>(manifold, new XxtLift(n, r), operator,
                operator.apply(z.timesTranspose(z)), new L2Loss(), List.of());
        DenseMatrix x = manifold.random(random);

        ExtremeEigenpairs<DenseMatrix> e = HessianLanczos.extremes(problem, x, random);

        assertTrue(e.converged(), "not converged after " + e.iterations() + " steps");
        assertTrue(e.iterations() <= manifold.dim());
        double scale = Math.max(Math.abs(e.min()), Math.abs(e.max()));
        assertTrue(e.min() < e.max());
        for (double[] pair : new double[][] {{e.min(), 0}, {e.max(), 1}}) {
            DenseMatrix v = pair[1] == 0 ? e.minVector() : e.maxVector();
            assertEquals(1, manifold.norm(x, v), 1e-12);
            DenseMatrix residual = manifold.lincomb(x, 1, problem.hessian(x, v), -pair[0], v);
            double norm = manifold.norm(x, residual);
            assertTrue(norm <= 1e-6 * scale, "residual " + norm + " for θ = " + pair[0]);
        }
    }

    @Test
    void zeroHessianGivesZeroAtOnce() {
        // A zero operator with zero measurements: the cost and its Hessian vanish identically.
        Euclidean manifold = new Euclidean(3, 2);
        DenseMeasurementOperator operator = DenseMeasurementOperator.of(
                List.of(DenseMatrix.zeros(3, 2), DenseMatrix.zeros(3, 2)));
        Problem<DenseMatrix, DenseMatrix> problem = new Problem<>(manifold, new EuclideanIdentityLift(3, 2),
                operator, new double[2], new L2Loss(), List.of());
        Random random = new Random(SEED);

        ExtremeEigenpairs<DenseMatrix> e = HessianLanczos.extremes(problem, manifold.random(random), random);

        assertEquals(0, e.min());
        assertEquals(0, e.max());
        assertEquals(1, e.iterations());
        assertTrue(e.converged());
    }

    @Test
    void stopsUnconvergedAtTheIterationCap() {
        Random random = new Random(SEED + 3);
        Euclidean manifold = new Euclidean(7, 3);
        Problem<DenseMatrix, DenseMatrix> problem = gaussianSensing(manifold, new XxtLift(7, 3), random);

        ExtremeEigenpairs<DenseMatrix> e = HessianLanczos.extremes(problem, manifold.random(random), random, 1e-8, 3);

        assertEquals(3, e.iterations());
        assertFalse(e.converged());
        assertTrue(Math.max(e.minResidual(), e.maxResidual()) > 1e-8 * Math.max(Math.abs(e.min()), e.max()));
    }

    @Test
    void rejectsBadArguments() {
        Random random = new Random(SEED);
        Euclidean manifold = new Euclidean(2, 2);
        Problem<DenseMatrix, DenseMatrix> problem = gaussianSensing(manifold, new EuclideanIdentityLift(2, 2), random);
        DenseMatrix x = manifold.random(random);
        assertThrows(IllegalArgumentException.class, () -> HessianLanczos.extremes(problem, x, random, 0, 10));
        assertThrows(IllegalArgumentException.class,
                () -> HessianLanczos.extremes(problem, x, random, Double.NaN, 10));
        assertThrows(IllegalArgumentException.class, () -> HessianLanczos.extremes(problem, x, random, 1e-8, 0));
    }

    private static <P, T> ExtremeEigenpairs<T> assertAgreesWithDense(Problem<P, T> problem, P x, Random random) {
        double[] dense = HessianSpectrum.eigenvalues(problem, x, random);
        ExtremeEigenpairs<T> e = HessianLanczos.extremes(problem, x, random);
        double scale = Math.max(Math.abs(dense[0]), Math.abs(dense[dense.length - 1]));
        assertTrue(e.converged());
        assertEquals(dense[0], e.min(), 1e-8 * scale);
        assertEquals(dense[dense.length - 1], e.max(), 1e-8 * scale);
        return e;
    }

    /** The vector has unit norm and is fixed by the projection of its ambient form onto the tangent space. */
    private static void assertUnitTangent(FixedRankEmbedded m, FixedRankPoint x, FixedRankTangent v) {
        assertEquals(1, m.norm(x, v), 1e-12);
        FixedRankTangent back = m.proj(x, m.ambient(x, v).toDense());
        assertEquals(0, m.norm(x, m.lincomb(x, 1, back, -1, v)), 1e-12);
    }

    /** ℓ2 sensing with Gaussian measurement matrices and Gaussian measurements (as the manifold contract). */
    private static <P, T> Problem<P, T> gaussianSensing(Manifold<P, T> manifold, Lift<P, T> lift, Random random) {
        int m = 3 * lift.rows() * lift.cols() / 2 + 5;
        List<DenseMatrix> a = new ArrayList<>();
        double[] b = new double[m];
        for (int i = 0; i < m; i++) {
            a.add(DenseMatrix.gaussian(lift.rows(), lift.cols(), random));
            b[i] = random.nextGaussian();
        }
        return new Problem<>(manifold, lift, DenseMeasurementOperator.of(a), b, new L2Loss(), List.of());
    }
}
