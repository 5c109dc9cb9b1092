package org.riemopt.linalg;

/**
 * Packed storage of a symmetric {@code n x n} matrix: its upper triangle, column by column, {@code n(n+1)/2} numbers
 * (LAPACK's {@code 'U'} packed format, as {@code dspmv} reads it). Column {@code k} holds rows {@code 0..k} from
 * offset {@code k(k+1)/2}, so entry {@code (j, k)} with {@code j <= k} is at {@code k(k+1)/2 + j}. A symmetric sensing
 * operator kept this way reads half the bytes per pass of the full matrices, and holds half the memory.
 */
public final class SymmetricPacking {

    private SymmetricPacking() {
    }

    /** The numbers one packed {@code n x n} matrix takes: {@code n(n+1)/2} (a long: it need not fit an array). */
    public static long length(int n) {
        return (long) n * (n + 1) / 2;
    }

    /**
     * The offset of column {@code k}: {@code k(k+1)/2}, exact for every {@code k < 65536} (the product is taken as an
     * unsigned 32-bit number), so for every packed matrix that fits an array.
     */
    public static int column(int k) {
        return k * (k + 1) >>> 1;
    }

    /** The offset of entry {@code (j, k)} (either order) in a packed matrix. */
    public static int index(int j, int k) {
        return j <= k ? column(k) + j : column(j) + k;
    }

    /**
     * Whether the column-major {@code n x n} matrix at {@code fo} is exactly symmetric. Read: full.
     */
    public static boolean isSymmetric(double[] full, int fo, int n) {
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < k; j++) {
                if (full[fo + j + k * n] != full[fo + k + j * n]) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Packs the upper triangle of the column-major {@code n x n} matrix at {@code fo} into {@code packed} at
     * {@code po}. The two may be the same array with {@code po <= fo}: every number is read before it is overwritten,
     * since entries are written in order and each lands at or before its source. Read: full. Written: packed.
     */
    public static void pack(double[] full, int fo, int n, double[] packed, int po) {
        for (int k = 0; k < n; k++) {
            System.arraycopy(full, fo + k * n, packed, po + column(k), k + 1);
        }
    }

    /**
     * Unpacks the packed matrix at {@code po} into the column-major {@code n x n} matrix at {@code fo}. Read: packed.
     * Written: full.
     */
    public static void unpack(double[] packed, int po, int n, double[] full, int fo) {
        for (int k = 0; k < n; k++) {
            int col = po + column(k);
            System.arraycopy(packed, col, full, fo + k * n, k + 1);
            for (int j = 0; j < k; j++) {
                full[fo + k + j * n] = packed[col + j];
            }
        }
    }
}
