package org.riemopt.plugins.operators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riemopt.problem.MeasurementOperator;
import org.riemopt.spi.OperatorProvider;
import org.riemopt.spi.Parameters;

/** The {@code completion} provider's four sources, the MatrixMarket reader, and the errors of both. */
class CompletionOperatorProviderTest {

    private final CompletionOperatorProvider provider = new CompletionOperatorProvider();

    @TempDir
    Path folder;

    private MeasurementOperator create(Map<String, ?> raw, int rows, int cols) {
        return provider.create(Parameters.of(provider.parameters(), raw, folder),
                new OperatorProvider.Context(rows, cols, new Random(4)));
    }

    private String error(Map<String, ?> raw, int rows, int cols) {
        return assertThrows(IllegalArgumentException.class, () -> create(raw, rows, cols)).getMessage();
    }

    @Test
    void entriesAreZeroBasedTriples() {
        MeasurementOperator op = create(Map.of("entries", List.of(List.of(1, 2, 5.5), List.of(0, 0, -1))), 2, 3);
        CompletionOperator c = (CompletionOperator) op;
        assertEquals(2, c.size());
        assertArrayEquals(new double[] {-1, 5.5}, c.ownMeasurements().orElseThrow());
        assertTrue(c.isObserved(1, 2));
    }

    @Test
    void countAndFractionSample() {
        assertEquals(7, create(Map.of("count", 7), 4, 5).size());
        assertEquals(10, create(Map.of("fraction", 0.5), 4, 5).size());
        assertEquals(20, create(Map.of("fraction", 1.0), 4, 5).size());
    }

    @Test
    void fileIsOneBasedMatrixMarketWithComments() throws IOException {
        Files.writeString(folder.resolve("obs.mtx"), """
                %%MatrixMarket matrix coordinate real general
                % observed entries of a 3 x 4 matrix
                3 4 3
                1 1 1.5
                3 4 -2e-1

                2 3 7
                """);
        CompletionOperator op = (CompletionOperator) create(Map.of("file", "obs.mtx"), 3, 4);
        assertEquals(3, op.size());
        assertTrue(op.isObserved(0, 0));
        assertTrue(op.isObserved(2, 3));
        assertTrue(op.isObserved(1, 2));
        assertArrayEquals(new double[] {1.5, 7, -0.2}, op.ownMeasurements().orElseThrow());
    }

    @Test
    void truncatedFilesBadHeadersAndWrongSizesAreErrorsNamingFileAndLine() throws IOException {
        Files.writeString(folder.resolve("short.mtx"), """
                %%MatrixMarket matrix coordinate real general
                3 4 3
                1 1 1.5
                """);
        String truncated = error(Map.of("file", "short.mtx"), 3, 4);
        assertTrue(truncated.contains("short.mtx") && truncated.contains("declares 3 entries, found 1"), truncated);
        Files.writeString(folder.resolve("array.mtx"), "%%MatrixMarket matrix array real general\n3 4\n");
        String header = error(Map.of("file", "array.mtx"), 3, 4);
        assertTrue(header.contains("array.mtx is a dense array") && header.contains("coordinate"), header);
        Files.writeString(folder.resolve("bad.mtx"), "%%MatrixMarket matrix coordinate real general\n3 4 1\n1 x 2\n");
        String value = error(Map.of("file", "bad.mtx"), 3, 4);
        assertTrue(value.contains("bad.mtx") && value.contains("line 3"), value);
        Files.writeString(folder.resolve("dup.mtx"), "%%MatrixMarket matrix coordinate real general\n3 4 2\n"
                + "2 2 1\n2 2 3\n");
        String duplicate = error(Map.of("file", "dup.mtx"), 3, 4);
        assertTrue(duplicate.contains("key 'file'") && duplicate.contains("duplicate entry (row 1, column 1)"),
                duplicate);
        String size = error(Map.of("file", "dup.mtx"), 5, 4);
        assertTrue(size.contains("holds a 3 x 4 matrix but the lift produces 5 x 4 matrices"), size);
    }

    @Test
    void exactlyOneSourceIsRequired() {
        String none = error(Map.of(), 3, 3);
        assertTrue(none.contains("exactly one of the keys entries, file, fraction, count; none was given"), none);
        String two = error(Map.of("count", 3, "fraction", 0.5), 3, 3);
        assertTrue(two.contains("got fraction and count"), two);
    }

    @Test
    void valuesOutOfRangeNameTheKeyAndWhatIsAllowed() {
        String fraction = error(Map.of("fraction", 1.5), 3, 3);
        assertTrue(fraction.contains("key 'fraction': got 1.5; allowed: 0 < fraction <= 1"), fraction);
        String count = error(Map.of("count", 10), 3, 3);
        assertTrue(count.contains("key 'count': got 10; allowed: 1 to m*n = 9"), count);
        String row = error(Map.of("entries", List.of(List.of(3, 0, 1.0))), 3, 3);
        assertTrue(row.contains("key 'entries': entry 0 [3.0, 0.0, 1.0] has row 3.0; allowed: integer rows 0..2"),
                row);
        String fractional = error(Map.of("entries", List.of(List.of(0, 0.5, 1.0))), 3, 3);
        assertTrue(fractional.contains("has column 0.5"), fractional);
        String width = error(Map.of("entries", List.of(List.of(0, 0))), 3, 3);
        assertTrue(width.contains("key 'entries': rows must be [i, j, value] (3 numbers), got 2"), width);
        String duplicate = error(Map.of("entries", List.of(List.of(0, 1, 1.0), List.of(0, 1, 2.0))), 3, 3);
        assertTrue(duplicate.contains("key 'entries': duplicate entry (row 0, column 1)"), duplicate);
    }
}
