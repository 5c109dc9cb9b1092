package org.riemopt.spi;

import java.util.Locale;

/**
 * Sizes computed from a spec, checked before anything is allocated, so that a spec asking for more than the JVM can
 * hold ends at once in a spec error (exit status 2) naming the key, the size, the JVM's maximum heap and how to raise
 * it, never in an {@link OutOfMemoryError} minutes later or a {@link NegativeArraySizeException}. The spec loader, the
 * manifold and operator providers and the truth, measurement, noise and initial-point readers call it; a plugin's
 * provider should too, with the sizes it is about to allocate (see {@code docs/plugins.md}).
 *
 * <p>What fits: a request of {@code bytes} fits when it is at most what the heap can still give, the JVM's maximum
 * heap ({@link Runtime#maxMemory()}) minus the memory in use. The memory in use counts garbage too, so when the first
 * look says no, the check asks for a garbage collection and looks again before it refuses (a request larger than the
 * whole heap is refused at once). Parts are checked in the order they are built, each just before its allocation,
 * so each check sees the parts built before it in the heap: what is compared is their sum. A request whose largest
 * single array has more than {@link #MAX_ARRAY_LENGTH} elements is refused whatever the heap: no Java array indexes
 * that many.
 *
 * <p>Sizes are passed as {@code double}s so that products of spec integers ({@code m·n₁·n₂} with each up to 2³¹)
 * never overflow; they are exact up to 2⁵³, far beyond any heap.
 */
public final class MemoryBudget {

    /**
     * The most elements one Java array holds: 2³¹−1 less the few words HotSpot keeps for the array's header (the
     * limit the JDK's own collections use).
     */
    public static final long MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    /**
     * The points and tangent vectors of a manifold that a run keeps at once, counted for a manifold's size: the
     * iterate, the trial point, the gradient and the vectors of truncated CG (trust-regions keeps about ten).
     */
    public static final int POINTS_PER_RUN = 10;

    private static final double GIB = 1L << 30;
    /** Head room in the suggested {@code -Xmx}: the parts checked are not all the run keeps. */
    private static final double SUGGESTED_HEADROOM = 1.25;

    /** The heap a check compares with: the JVM's own, or a fixed one in tests. */
    interface Heap {
        /** The maximum heap, {@link Long#MAX_VALUE} when unbounded. */
        long max();

        /** The memory in use now, garbage included. */
        long used();

        /** Frees garbage, so that {@link #used()} is the live data. */
        void collect();
    }

    private static final Heap JVM = new Heap() {
        @Override
        public long max() {
            return Runtime.getRuntime().maxMemory();
        }

        @Override
        public long used() {
            Runtime runtime = Runtime.getRuntime();
            return runtime.totalMemory() - runtime.freeMemory();
        }

        @Override
        public void collect() {
            // Only on the way to a refusal: a wrong "no" because of uncollected garbage would refuse a spec that fits.
            System.gc();
        }
    };

    private MemoryBudget() {
    }

    /**
     * Refuses {@code count} numbers of 8 bytes ({@code double} or {@code long}) in one array.
     *
     * @param key   the spec key that sets the size: a provider names its parameter ({@code "measurements"}), which
     *              the spec loader prefixes with the provider's key ({@code operator.measurements})
     * @param what  what needs the memory and its formula in the spec's symbols, e.g. {@code "the operator needs
     *              8·m·n₁n₂"}; the message continues with {@code " = 32.0 GB, ..."}
     * @param count the numbers
     * @throws MemoryLimitException if they do not fit
     */
    public static void requireDoubles(String key, String what, double count) {
        require(key, what, 8 * count, count);
    }

    /**
     * Refuses a manifold whose points hold {@code numbers} numbers of 8 bytes, the largest of their arrays
     * {@code largestArray}: a run keeps {@link #POINTS_PER_RUN} points and tangent vectors of that size.
     *
     * @param key     as {@link #requireDoubles}
     * @param formula the numbers of a point in the spec's symbols, e.g. {@code "n·r"}
     */
    public static void requirePoints(String key, String formula, double numbers, double largestArray) {
        require(key, "a run keeps about " + POINTS_PER_RUN + " points and tangent vectors of " + formula
                + " numbers each: " + 8 * POINTS_PER_RUN + "·" + formula + " bytes", 8.0 * POINTS_PER_RUN * numbers,
                largestArray);
    }

    /**
     * Refuses {@code bytes} bytes whose largest single array has {@code largestArray} elements.
     *
     * @param key          as {@link #requireDoubles}
     * @param what         as {@link #requireDoubles}
     * @param bytes        the bytes needed
     * @param largestArray the elements of the largest single array among them
     * @throws MemoryLimitException if they do not fit: more than the heap can still give, or an array longer than
     *                              {@link #MAX_ARRAY_LENGTH}
     */
    public static void require(String key, String what, double bytes, double largestArray) {
        check(JVM, key, what, bytes, largestArray);
    }

    static void check(Heap heap, String key, String what, double bytes, double largestArray) {
        long max = heap.max();
        boolean bounded = max != Long.MAX_VALUE;
        boolean aboveMax = bounded && bytes > max;
        if (largestArray > MAX_ARRAY_LENGTH) {
            throw new MemoryLimitException(key, what + " = " + size(bytes) + " with an array of "
                    + count(largestArray) + " elements, more than one Java array holds (" + MAX_ARRAY_LENGTH
                    + ") whatever the heap" + (aboveMax ? ", and more than the JVM's maximum heap of " + size(max)
                    + " (RIEMOPT_JAVA_OPTS=-Xmx... raises the heap)" : " (RIEMOPT_JAVA_OPTS=-Xmx... cannot change that)")
                    + "; make the sizes smaller");
        }
        if (!bounded) {
            return;
        }
        if (aboveMax) {
            throw new MemoryLimitException(key, what + " = " + size(bytes) + ", more than the JVM's maximum heap of "
                    + size(max) + "; " + raise(max, bytes));
        }
        if (bytes <= max - heap.used()) {
            return;
        }
        heap.collect();
        long used = heap.used();
        if (bytes > max - used) {
            throw new MemoryLimitException(key, what + " = " + size(bytes) + ", more than the " + size(max - used)
                    + " left of the JVM's maximum heap of " + size(max) + " (the rest holds what was built before); "
                    + raise(max, used + bytes));
        }
    }

    /** How to raise the heap to hold {@code total} bytes with some room to spare. */
    private static String raise(long max, double total) {
        long gib = (long) Math.max(Math.ceil(total * SUGGESTED_HEADROOM / GIB), Math.floor(max / GIB) + 1);
        return "raise it with RIEMOPT_JAVA_OPTS=-Xmx" + gib + "g (honoured by ./riemopt and bin/riemopt)";
    }

    /** {@code bytes} in decimal units with one decimal: {@code 32.0 GB}. */
    static String size(double bytes) {
        String[] units = {"bytes", "kB", "MB", "GB", "TB", "PB", "EB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        if (value >= 1000) {
            return String.format(Locale.ROOT, "%.1e bytes", bytes);
        }
        return unit == 0 ? (long) value + " bytes" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    private static String count(double elements) {
        return elements < 1e15 ? Long.toString((long) elements) : String.format(Locale.ROOT, "%.3e", elements);
    }
}
