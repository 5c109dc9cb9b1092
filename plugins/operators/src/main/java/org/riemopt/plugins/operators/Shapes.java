package org.riemopt.plugins.operators;

import org.riemopt.linalg.DenseMatrix;

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

    /** Throws unless {@code w} has one number per measurement. */
    static void requireLength(double[] w, int size, String where) {
        if (w.length != size) {
            throw new IllegalArgumentException(where + ": expected " + size + " weights, got " + w.length);
        }
    }
}
