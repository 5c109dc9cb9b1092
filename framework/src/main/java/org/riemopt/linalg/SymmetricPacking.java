package org.riemopt.linalg;

/**
 * Packed storage of a symmetric {@code n x n} matrix: its upper triangle, column by column, widened to whole 8 x 8
 * blocks on the diagonal. Column {@code k} holds rows {@code 0..h(k)-1}, where {@code h(k)} is the end of
 * {@code k}'s group of eight ({@code (k | 7) + 1}), or {@code n} in the last, partial group; columns follow each
 * other. That is {@code 32Q(Q+1) + (n − 8Q)·n} numbers with {@code Q = ⌊n/8⌋}: 5392 for {@code n = 100}, 7 % above
 * the bare triangle's {@code n(n+1)/2} and 54 % of the full matrix. The whole diagonal blocks let the dot product of
 * a full column run in aligned groups of eight rows ({@link Kernels#symmetricMultiply}): the rows of a column's own
 * block are all stored in it. A symmetric sensing operator kept this way reads about half the bytes per pass, and
 * holds about half the memory.
 */
public final class SymmetricPacking {

    private SymmetricPacking() {
    }

    /** The numbers one packed {@code n x n} matrix takes (a long: it need not fit an array). */
    public static long length(int n) {
        long q = n >> 3;
        return 32 * q * (q + 1) + (long) (n - 8 * (int) q) * n;
    }

    /** The rows stored in column {@code k}: {@code 0..height - 1}. */
    public static int height(int k, int n) {
        return Math.min((k | 7) + 1, n);
    }

    /** The offset of column {@code k}. */
    public static int column(int k, int n) {
        int bound = n & ~7;
        if (k >= bound) {
            int q = bound >> 3;
            return 32 * q * (q + 1) + (k - bound) * n;
        }
        int q = k >> 3;
        return 8 * (q + 1) * (4 * q + (k & 7));
    }

    /** The offset of entry {@code (j, k)}: in column {@code k} if stored there, else in column {@code j}. */
    public static int index(int j, int k, int n) {
        return j < height(k, n) ? column(k, n) + j : column(j, n) + k;
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
     * Packs the symmetric column-major {@code n x n} matrix at {@code fo} into {@code packed} at {@code po}. The two
     * may be the same array with {@code po <= fo}: every number is read before it is overwritten, since columns are
     * written in order and each lands at or before its source. Read: full. Written: packed.
     */
    public static void pack(double[] full, int fo, int n, double[] packed, int po) {
        for (int k = 0; k < n; k++) {
            System.arraycopy(full, fo + k * n, packed, po + column(k, n), height(k, n));
        }
    }

    /**
     * Unpacks the packed matrix at {@code po} into the column-major {@code n x n} matrix at {@code fo}. Read: packed.
     * Written: full.
     */
    public static void unpack(double[] packed, int po, int n, double[] full, int fo) {
        for (int k = 0; k < n; k++) {
            int h = height(k, n);
            System.arraycopy(packed, po + column(k, n), full, fo + k * n, h);
            for (int j = h; j < n; j++) {
                full[fo + j + k * n] = packed[po + column(j, n) + k];
            }
        }
    }
}
