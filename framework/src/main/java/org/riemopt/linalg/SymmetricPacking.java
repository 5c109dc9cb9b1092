package org.riemopt.linalg;

/**
 * Packed storage of a symmetric {@code n x n} matrix: its upper triangle, widened to whole 8 x 8 blocks on the
 * diagonal. Column {@code k} keeps rows {@code 0..h(k)-1}, where {@code h(k)} is the end of {@code k}'s block of
 * eight ({@code (k | 7) + 1}), or {@code n} for the last {@code n mod 8} columns. That is {@code 32Q(Q+1) + (n −
 * 8Q)·n} numbers with {@code Q = ⌊n/8⌋}: 5392 for {@code n = 100}, 7 % above the bare triangle's {@code n(n+1)/2} and
 * 54 % of the full matrix, so a symmetric sensing operator kept this way reads about half the bytes per pass and holds
 * about half the memory.
 *
 * <p>The columns are stored in <em>quads</em>, the four columns {@code 4g..4g+3} of equal height (every quad lies in
 * one block or in the last columns), interleaved by rows: for each group of four rows {@code 4v..4v+3}, the four
 * columns' entries there, sixteen numbers, column {@code 4g} first; then, where the height is not a multiple of four,
 * each column's last {@code h mod 4} rows, column by column. The last {@code n mod 4} columns (all of height {@code n})
 * follow whole, one after the other. So {@link Kernels#symmetricMultiply}, which takes a quad's rows in one sweep
 * per pair of factor columns, reads the operator from memory as one forward stream (four interleaved column streams
 * left the hardware prefetcher behind), and the rows of a column's own block are all stored in it.
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

    /** Whether column {@code k} is stored in a quad (else it is one of the last {@code n mod 4}, stored whole). */
    public static boolean inQuad(int k, int n) {
        return k < (n & ~3);
    }

    /**
     * The offset of the storage of column {@code k}: of its quad if it is in one ({@link #inQuad}), else of the column
     * itself. Every column before it takes its height in numbers.
     */
    public static int start(int k, int n) {
        int first = inQuad(k, n) ? k & ~3 : k;
        int bound = n & ~7;
        if (first >= bound) {
            int q = bound >> 3;
            return 32 * q * (q + 1) + (first - bound) * n;
        }
        int q = first >> 3;
        return 8 * (q + 1) * (4 * q + (first & 7));
    }

    /** The offset of entry {@code (j, k)}: in column {@code k} if stored there, else in column {@code j}. */
    public static int index(int j, int k, int n) {
        return j < height(k, n) ? stored(j, k, n) : stored(k, j, n);
    }

    /** The offset of row {@code j < height(k, n)} of column {@code k}. */
    private static int stored(int j, int k, int n) {
        int start = start(k, n);
        if (!inQuad(k, n)) {
            return start + j;
        }
        int h = height(k, n);
        int whole = h & ~3;
        return j < whole ? start + 4 * (j & ~3) + 4 * (k & 3) + (j & 3)
                : start + 4 * whole + (k & 3) * (h - whole) + (j - whole);
    }

    /**
     * Packs the symmetric column-major {@code n x n} matrix at {@code fo} into {@code packed} at {@code po}; the two
     * must not overlap (the interleaved quads would overwrite numbers not yet read). Read: full. Written: packed.
     */
    public static void pack(double[] full, int fo, int n, double[] packed, int po) {
        for (int k = 0; k < n; k++) {
            int h = height(k, n);
            for (int j = 0; j < h; j++) {
                packed[po + stored(j, k, n)] = full[fo + j + k * n];
            }
        }
    }

    /**
     * Unpacks the packed matrix at {@code po} into the column-major {@code n x n} matrix at {@code fo}. Read: packed.
     * Written: full.
     */
    public static void unpack(double[] packed, int po, int n, double[] full, int fo) {
        // each column's stored rows from its own copy, as the product reads them (a diagonal block is stored twice),
        // quad by quad in storage order; it is on the path of every pass that unpacks (the adjoint, distinct factors)
        int k = 0;
        for (; inQuad(k, n); k += 4) {
            int h = height(k, n);
            int whole = h & ~3;
            int q = po + start(k, n);
            for (int c = 0; c < 4; c++) {
                int col = fo + (k + c) * n;
                for (int j = 0; j < whole; j++) {
                    full[col + j] = packed[q + 4 * (j & ~3) + 4 * c + (j & 3)];
                }
                int rest = q + 4 * whole + c * (h - whole);
                for (int j = whole; j < h; j++) {
                    full[col + j] = packed[rest + j - whole];
                }
            }
        }
        for (; k < n; k++) {
            System.arraycopy(packed, po + start(k, n), full, fo + k * n, n);
        }
        // the rows below each column's stored part: row k of column j (in a later block, so stored), written above
        for (k = 0; k < n; k++) {
            for (int j = height(k, n); j < n; j++) {
                full[fo + j + k * n] = full[fo + k + j * n];
            }
        }
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
}
