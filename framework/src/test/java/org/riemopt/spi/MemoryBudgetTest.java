package org.riemopt.spi;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The size checks against a heap of known size, and their messages. */
class MemoryBudgetTest {

    private static final long GB = 1_000_000_000L;

    @TempDir
    Path dir;

    /** A heap of {@code max} bytes with {@code used} in use, of which {@code garbage} goes at a collection. */
    private static final class FixedHeap implements MemoryBudget.Heap {
        private final long max;
        private long used;
        private final long garbage;
        private int collections;

        FixedHeap(long max, long used, long garbage) {
            this.max = max;
            this.used = used;
            this.garbage = garbage;
        }

        @Override
        public long max() {
            return max;
        }

        @Override
        public long used() {
            return used;
        }

        @Override
        public void collect() {
            collections++;
            used -= garbage;
        }
    }

    private static MemoryLimitException refused(MemoryBudget.Heap heap, double bytes, double largest) {
        return assertThrows(MemoryLimitException.class,
                () -> MemoryBudget.check(heap, "measurements", "the operator needs 8·m·n₁n₂", bytes, largest));
    }

    @Test
    void whatTheHeapCanStillGiveFitsWithoutACollection() {
        FixedHeap heap = new FixedHeap(8 * GB, 2 * GB, 0);
        assertDoesNotThrow(() -> MemoryBudget.check(heap, "k", "x", 6 * GB, 1e8));
        assertEquals(0, heap.collections, "a request that fits never collects");
    }

    @Test
    void aRequestAboveTheMaximumHeapNamesItAndHowToRaiseIt() {
        FixedHeap heap = new FixedHeap(6_320_816_128L, 0, 0);
        MemoryLimitException e = refused(heap, 32 * GB, 4e9 / 8);
        assertEquals("measurements", e.key());
        assertEquals("the operator needs 8·m·n₁n₂ = 32.0 GB, more than the JVM's maximum heap of 6.3 GB; raise it "
                + "with RIEMOPT_JAVA_OPTS=-Xmx38g (honoured by ./riemopt and bin/riemopt)", e.detail());
        assertEquals("key 'measurements': " + e.detail(), e.getMessage());
        assertEquals(0, heap.collections, "more than the whole heap is refused without collecting");
    }

    @Test
    void garbageIsCollectedBeforeARefusal() {
        // 5 GB in use, 4 GB of it garbage: 4 GB fits only after a collection.
        FixedHeap heap = new FixedHeap(8 * GB, 5 * GB, 4 * GB);
        assertDoesNotThrow(() -> MemoryBudget.check(heap, "k", "x", 4 * GB, 1e8));
        assertEquals(1, heap.collections);
    }

    @Test
    void whatWasBuiltBeforeCountsAgainstTheRequest() {
        // The operator (5 GB, live) is in the heap: a 4 GB truth does not fit beside it in 8 GB.
        FixedHeap heap = new FixedHeap(8 * GB, 5 * GB, 0);
        MemoryLimitException e = refused(heap, 4 * GB, 5e8);
        assertTrue(e.detail().startsWith("the operator needs 8·m·n₁n₂ = 4.0 GB, more than the 3.0 GB left of the "
                + "JVM's maximum heap of 8.0 GB (the rest holds what was built before); raise it with "
                + "RIEMOPT_JAVA_OPTS=-Xmx"), e.detail());
        // 1.25·(5 + 4) GB = 10.5 GiB, rounded up.
        assertTrue(e.detail().contains("-Xmx11g"), e.detail());
        assertEquals(1, heap.collections);
    }

    @Test
    void anArrayLongerThanJavaAllowsIsRefusedWhateverTheHeap() {
        FixedHeap huge = new FixedHeap(Long.MAX_VALUE, 0, 0);
        MemoryLimitException e = refused(huge, 8.0 * 3_000_000_000L, 3_000_000_000L);
        assertEquals("the operator needs 8·m·n₁n₂ = 24.0 GB with an array of 3000000000 elements, more than one Java "
                + "array holds (2147483639) whatever the heap (RIEMOPT_JAVA_OPTS=-Xmx... cannot change that); make "
                + "the sizes smaller", e.detail());
        MemoryLimitException both = refused(new FixedHeap(8 * GB, 0, 0), 1.6e12, 2e11);
        assertTrue(both.detail().contains("= 1.6 TB with an array of 200000000000 elements, more than one Java array "
                + "holds (2147483639) whatever the heap, and more than the JVM's maximum heap of 8.0 GB "
                + "(RIEMOPT_JAVA_OPTS=-Xmx... raises the heap)"), both.detail());
        assertDoesNotThrow(() -> MemoryBudget.check(huge, "k", "x", 8.0 * MemoryBudget.MAX_ARRAY_LENGTH,
                MemoryBudget.MAX_ARRAY_LENGTH));
    }

    @Test
    void productsOfSpecIntegersDoNotOverflow() {
        // 2e9 measurements of 1e8 x 1e8 matrices: 1.6e26 bytes, far beyond a long.
        double elements = 2e9 * 1e8 * 1e8;
        MemoryLimitException e = refused(new FixedHeap(8 * GB, 0, 0), 8 * elements, elements);
        assertTrue(e.detail().contains("= 1.6e+26 bytes with an array of 2.000e+25 elements"), e.detail());
    }

    @Test
    void anUnboundedHeapRefusesOnlyTheArrayLimit() {
        FixedHeap unbounded = new FixedHeap(Long.MAX_VALUE, 0, 0);
        assertDoesNotThrow(() -> MemoryBudget.check(unbounded, "k", "x", 1e15, 1e9));
    }

    @Test
    void sizesReadInDecimalUnits() {
        assertEquals("512 bytes", MemoryBudget.size(512));
        assertEquals("1.5 kB", MemoryBudget.size(1500));
        assertEquals("4.1 GB", MemoryBudget.size(3200.0 * 400 * 400 * 8));
        assertEquals("6.3 GB", MemoryBudget.size(6_320_816_128L));
        assertEquals("1.2 EB", MemoryBudget.size(1.2e18));
    }

    @Test
    void aManifoldCountsTheWorkingSetOfARun() {
        // 1e8 x 20 factors: one point is 16 GB, ten are 160 GB; the arrays themselves fit a Java array.
        MemoryLimitException e = assertThrows(MemoryLimitException.class,
                () -> MemoryBudget.requirePoints("rows", "n·r", 2e9, 2e9));
        assertEquals("rows", e.key());
        assertTrue(e.detail().startsWith("a run keeps about 10 points and tangent vectors of n·r numbers each: "
                + "80·n·r bytes = 160.0 GB"), e.detail());
        assertTrue(e.detail().contains("RIEMOPT_JAVA_OPTS"), e.detail());
        assertDoesNotThrow(() -> MemoryBudget.requirePoints("rows", "n·r", 400 * 3, 400 * 3));
    }

    @Test
    void aMatrixFileIsRefusedFromItsHeaderBeforeItIsRead() throws IOException {
        // A MatrixMarket header declaring a 100000 x 30000 dense matrix (3e9 entries) and no values.
        Path file = dir.resolve("huge.mtx");
        Files.writeString(file, "%%MatrixMarket matrix array real general\n100000 30000\n", StandardCharsets.US_ASCII);
        MemoryLimitException e = assertThrows(MemoryLimitException.class, () -> Parameters.readMatrix("truth.file",
                file));
        assertEquals("truth.file", e.key());
        assertTrue(e.detail().startsWith("the matrix in " + file + " needs 8·rows·cols = 24.0 GB with an array of "
                + "3000000000 elements"), e.detail());
        Path small = dir.resolve("small.mtx");
        Files.writeString(small, "%%MatrixMarket matrix array real general\n2 1\n1\n2\n", StandardCharsets.US_ASCII);
        assertEquals(2, Parameters.readMatrix("truth.file", small).data().length);
    }
}
