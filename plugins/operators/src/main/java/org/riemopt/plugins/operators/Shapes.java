package org.riemopt.plugins.operators;

import org.riemopt.linalg.DenseMatrix;
import org.riemopt.spi.MemoryBudget;
import org.riemopt.spi.OperatorProvider;

/** Shape checks shared by the operators of this module. */
final class Shapes {

    private Shapes() {
    }

    /** Throws unless {@code x} is {@code rows x cols}; {@code where} names the argument in the message. */
    static void require(DenseMatrix x, int rows, int cols, String where) {
        if (x.rows() != rows || x.cols() != cols) {
            throw new IllegalArgumentException(where + ": expected a " + rows + "x" + cols + " matrix, got "
                    + x.rows() + "x" + x.cols());
        }
    }

    /**
     * Refuses an operator with one measurement per entry of the lift's matrices whose entries cannot be held: it
     * keeps a matrix of that size, and its measurements, residuals and Jacobian are vectors of that length.
     */
    static void requireEntrywise(OperatorProvider.Context context) {
        MemoryBudget.requireDoubles("", "the operator measures every entry and needs 8·n₁n₂",
                (double) context.rows() * context.cols());
    }

    /** Throws unless {@code w} has one number per measurement. */
    static void requireLength(double[] w, int size, String where) {
        if (w.length != size) {
            throw new IllegalArgumentException(where + ": expected " + size + " weights, got " + w.length);
        }
    }
}
