package org.riemopt.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class DecompositionsTest {

    private final Random random = new Random(11);

    @Test
    void thinQrReconstructsWithOrthonormalQ() {
        DenseMatrix a = DenseMatrix.gaussian(9, 4, random);
        Decompositions.QR qr = Decompositions.thinQr(a);
        assertEquals(0, qr.q().times(qr.r()).minus(a).normF(), 1e-13);
        assertEquals(0, qr.q().transposeTimes(qr.q()).minus(DenseMatrix.identity(4)).normF(), 1e-13);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < i; j++) {
                assertEquals(0, qr.r().get(i, j), 0, "R is upper triangular");
            }
        }
    }

    @Test
    void thinQrOfZeroStillHasOrthonormalQ() {
        Decompositions.QR qr = Decompositions.thinQr(DenseMatrix.zeros(5, 2));
        assertEquals(0, qr.q().transposeTimes(qr.q()).minus(DenseMatrix.identity(2)).normF(), 1e-15);
        assertEquals(0, qr.r().normF(), 0);
    }

    @Test
    void svdReconstructsAndSortsSingularValues() {
        DenseMatrix a = DenseMatrix.gaussian(4, 4, random);
        Decompositions.SVD svd = Decompositions.svd(a);
        DenseMatrix rebuilt = svd.u().times(DenseMatrix.diagonal(svd.s())).timesTranspose(svd.v());
        assertEquals(0, rebuilt.minus(a).normF(), 1e-13);
        for (int i = 1; i < 4; i++) {
            assertEquals(true, svd.s()[i - 1] >= svd.s()[i]);
        }
    }

    @Test
    void symmetricEigenvaluesAscending() {
        DenseMatrix a = DenseMatrix.ofRows(new double[][] {{2, 1}, {1, 2}});
        assertArrayEquals(new double[] {1, 3}, Decompositions.symmetricEigenvalues(a), 1e-14);
    }

    @Test
    void symmetricEigenReconstructsWithAscendingValues() {
        DenseMatrix g = DenseMatrix.gaussian(5, 5, random);
        DenseMatrix a = g.plus(g.transpose());
        Decompositions.SymmetricEigen eigen = Decompositions.symmetricEigen(a);
        DenseMatrix q = eigen.vectors();
        assertEquals(0, q.times(DenseMatrix.diagonal(eigen.values())).timesTranspose(q).minus(a).normF(), 1e-13);
        assertEquals(0, q.transposeTimes(q).minus(DenseMatrix.identity(5)).normF(), 1e-13);
        for (int i = 1; i < 5; i++) {
            assertTrue(eigen.values()[i - 1] <= eigen.values()[i]);
        }
    }

    @Test
    void lyapunovSolutionSatisfiesItsEquation() {
        DenseMatrix y = DenseMatrix.gaussian(7, 3, random);
        DenseMatrix a = y.transposeTimes(y);
        DenseMatrix c = DenseMatrix.gaussian(3, 3, random);
        DenseMatrix x = Decompositions.solveSymmetricLyapunov(a, c);
        assertEquals(0, a.times(x).plus(x.times(a)).minus(c).normF(), 1e-13 * a.normF() * x.normF());
        DenseMatrix skew = c.minus(c.transpose());
        DenseMatrix omega = Decompositions.solveSymmetricLyapunov(a, skew);
        assertEquals(0, omega.plus(omega.transpose()).normF(), 1e-13 * omega.normF(), "skew C gives skew X");
    }

    @Test
    void lyapunovNeedsAPositiveDefiniteMatrix() {
        DenseMatrix indefinite = DenseMatrix.ofRows(new double[][] {{1, 2}, {2, 1}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Decompositions.solveSymmetricLyapunov(indefinite, DenseMatrix.identity(2)));
        assertTrue(e.getMessage().contains("positive definite"), e.getMessage());
    }

    @Test
    void inverseAndMatrixProducts() {
        DenseMatrix a = DenseMatrix.gaussian(3, 3, random);
        assertEquals(0, a.times(Decompositions.inverse(a)).minus(DenseMatrix.identity(3)).normF(), 1e-12);
        DenseMatrix b = DenseMatrix.gaussian(3, 2, random);
        assertEquals(0, a.transposeTimes(b).minus(a.transpose().times(b)).normF(), 1e-14);
        LowRankMatrix lr = new LowRankMatrix(DenseMatrix.gaussian(5, 2, random), DenseMatrix.gaussian(4, 2, random));
        DenseMatrix v = DenseMatrix.gaussian(4, 3, random);
        assertEquals(0, lr.times(v).minus(lr.toDense().times(v)).normF(), 1e-13);
    }
}
