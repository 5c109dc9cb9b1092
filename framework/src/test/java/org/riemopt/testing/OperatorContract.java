package org.riemopt.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.riemopt.linalg.AmbientMatrix;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.linalg.LowRankMatrix;
import org.riemopt.problem.FactorJacobian;
import org.riemopt.problem.MeasurementOperator;

/**
 * The identities every {@link MeasurementOperator} must satisfy, checked against its own {@code apply} and
 * {@code adjoint}: the adjoint identity {@code ⟨A(M), y⟩ = ⟨M, Aᵀy⟩}, and a factored linearization that agrees with
 * the definitions ({@code values = A(P Vᵀ)}, {@code push(a, b) = A(a Vᵀ + U bᵀ)}, {@code pull(w) = (Aᵀw V, (Aᵀw)ᵀ U)},
 * the Gauss–Newton product the pull of {@code s ⊙ push(a, b)}, the fused adjoint equal to {@code Aᵀ weights}), and a selection of measurements that measures as the selected rows.
 * An implementation's test subclasses this. Randomness is seeded.
 */
public abstract class OperatorContract {

    /** The seed of every random draw in the contract. */
    protected static final long SEED = 20261125L;

    /** The rank of the factors used in the contract. */
    protected static final int RANK = 2;

    /** The operator under test, built from {@code random}. */
    protected abstract MeasurementOperator operator(Random random);

    private final Random random = new Random(SEED);

    /** Relative tolerance of the identities; round-off only. */
    protected double tolerance() {
        return 1e-12;
    }

    @Test
    void adjointIdentityHolds() {
        MeasurementOperator a = operator(random);
        DenseMatrix m = DenseMatrix.gaussian(a.rows(), a.cols(), random);
        double[] y = gaussian(a.size());
        double lhs = dot(a.apply(m), y);
        double rhs = m.inner(a.adjoint(y).toDense());
        assertEquals(lhs, rhs, tolerance() * (Math.abs(lhs) + norm(y) * m.normF()));
    }

    @Test
    void applyOfAFactoredMatrixEqualsApplyOfItsDenseForm() {
        MeasurementOperator a = operator(random);
        LowRankMatrix m = new LowRankMatrix(DenseMatrix.gaussian(a.rows(), RANK, random),
                DenseMatrix.gaussian(a.cols(), RANK, random));
        assertClose(a.apply(m.toDense()), a.apply(m), "apply(L Rᵀ)");
    }

    @Test
    void asymmetricLinearizationAgreesWithTheDefinitions() {
        MeasurementOperator a = operator(random);
        DenseMatrix u = DenseMatrix.gaussian(a.rows(), RANK, random);
        DenseMatrix v = DenseMatrix.gaussian(a.cols(), RANK, random);
        DenseMatrix p = DenseMatrix.gaussian(a.rows(), RANK, random);
        checkLinearization(a, u, v, p);
    }

    @Test
    void symmetricLinearizationAgreesWithTheDefinitions() {
        MeasurementOperator a = operator(random);
        if (a.rows() != a.cols()) {
            return;
        }
        DenseMatrix x = DenseMatrix.gaussian(a.rows(), RANK, random);
        checkLinearization(a, x, x, x);
    }

    @Test
    void selectionMeasuresTheSelectedRows() {
        MeasurementOperator a = operator(random);
        int[] batch = IntStream.range(0, a.size()).filter(i -> random.nextInt(3) == 0).toArray();
        if (batch.length == 0) {
            batch = new int[] {a.size() - 1};
        }
        MeasurementOperator sub = a.select(batch);
        assertEquals(batch.length, sub.size(), "size");
        assertEquals(a.rows(), sub.rows(), "rows");
        assertEquals(a.cols(), sub.cols(), "cols");
        DenseMatrix m = DenseMatrix.gaussian(a.rows(), a.cols(), random);
        double[] all = a.apply(m);
        double[] expected = new double[batch.length];
        for (int k = 0; k < batch.length; k++) {
            expected[k] = all[batch[k]];
        }
        assertClose(expected, sub.apply(m), "select(batch).apply(M)");
        int[] unordered = {a.size() - 1, 0};
        if (a.size() > 1) {
            assertThrows(IllegalArgumentException.class, () -> a.select(unordered), "indices out of order");
        }
        assertThrows(IllegalArgumentException.class, () -> a.select(new int[] {a.size()}), "index out of range");
        assertThrows(IllegalArgumentException.class, () -> a.select(new int[0]), "empty selection");
    }

    private void checkLinearization(MeasurementOperator a, DenseMatrix u, DenseMatrix v, DenseMatrix p) {
        double[] shift = gaussian(a.size());
        FactorJacobian j = a.linearize(u, v, p, (i, value) -> value - shift[i]);
        double[] expectedValues = a.apply(p.timesTranspose(v));
        assertClose(expectedValues, j.values(), "values");
        for (int i = 0; i < a.size(); i++) {
            assertEquals(j.values()[i] - shift[i], j.weights()[i], 0.0, "weight " + i);
        }
        DenseMatrix da = DenseMatrix.gaussian(a.rows(), RANK, random);
        DenseMatrix db = u == v ? da : DenseMatrix.gaussian(a.cols(), RANK, random);
        assertClose(a.apply(da.timesTranspose(v).plus(u.timesTranspose(db))), j.push(da, db), "push");
        double[] w = gaussian(a.size());
        DenseMatrix g = a.adjoint(w).toDense();
        FactorJacobian.Pullback pull = j.pull(w);
        assertClose(g.times(v).data(), pull.left().data(), "pull left");
        assertClose(g.transposeTimes(u).data(), pull.right().data(), "pull right");
        assertClose(g.data(), j.adjoint(w).toDense().data(), "adjoint");
        double[] s = gaussian(a.size());
        double[] expectedScaled = a.apply(da.timesTranspose(v).plus(u.timesTranspose(db)));
        for (int i = 0; i < expectedScaled.length; i++) {
            expectedScaled[i] *= s[i];
        }
        DenseMatrix h = a.adjoint(expectedScaled).toDense();
        double[] scaled = new double[a.size()];
        FactorJacobian.Pullback gaussNewton = j.gaussNewton(da, db, s, scaled);
        assertClose(expectedScaled, scaled, "Gauss–Newton scaled push");
        assertClose(h.times(v).data(), gaussNewton.left().data(), "Gauss–Newton left");
        assertClose(h.transposeTimes(u).data(), gaussNewton.right().data(), "Gauss–Newton right");
        AmbientMatrix fused = j.adjoint(j.weights());
        assertSame(fused, j.adjoint(j.weights()), "the adjoint of the weights is formed once");
        assertClose(a.adjoint(j.weights()).toDense().data(), fused.toDense().data(), "fused adjoint");
    }

    /** Asserts two vectors agree to {@link #tolerance()} relative to their size. */
    protected void assertClose(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        double scale = Math.max(norm(expected), 1e-300);
        double diff = 0;
        for (int i = 0; i < expected.length; i++) {
            diff += (expected[i] - actual[i]) * (expected[i] - actual[i]);
        }
        assertEquals(0, Math.sqrt(diff) / scale, tolerance(), what);
    }

    private double[] gaussian(int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = random.nextGaussian();
        }
        return out;
    }

    private static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    private static double norm(double[] x) {
        return Math.sqrt(dot(x, x));
    }
}
