package org.riemopt.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A failure is described in words for users: the JVM's own failures never show a Java class name. */
class PluginFaultTest {

    /** Provokes the JVM's failure rather than constructing it, so the messages are the JVM's own. */
    private static Throwable failure(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("no failure");
    }

    @Test
    void theJvmsFailuresAreSaidInPlainWords() {
        Object text = "a";
        int[] none = new int[0];
        int zero = none.length;
        Map<Throwable, String> expected = Map.of(
                failure(() -> Integer.parseInt("1,5")), "'1,5' is not a number",
                failure(() -> Double.parseDouble("")), "a number was malformed",
                failure(() -> ((String) null).length()), "a value was missing (a null reference)",
                failure(() -> ((Integer) text).intValue()), "a value was not of the type expected",
                failure(() -> none[zero]++), "an index or size was out of range (Index 0 out of bounds for length 0)",
                failure(() -> System.out.print(1 / zero)), "an integer division by zero",
                new UncheckedIOException(new NoSuchFileException("/x/b.npy")), "/x/b.npy: no such file",
                new IllegalStateException(new AccessDeniedException("/x")), "/x: permission denied");
        for (Map.Entry<Throwable, String> e : expected.entrySet()) {
            String said = PluginFault.describe(e.getKey());
            assertEquals(e.getValue(), said, e.getKey().toString());
            for (String java : List.of("Exception", "Error", "java.", "class ")) {
                assertFalse(said.contains(java), said);
            }
        }
    }

    @Test
    void aMessageMeantForUsersIsKeptAndAWrappersClassNameIsSkipped() {
        assertEquals("delta must be > 0", PluginFault.describe(new IllegalArgumentException("delta must be > 0")));
        assertEquals("disk on fire", PluginFault.describe(new RuntimeException(new IOException("disk on fire"))));
        assertEquals("it failed without saying why", PluginFault.describe(new IllegalStateException()));
        assertEquals("it recursed too deeply (stack overflow)", PluginFault.describe(new StackOverflowError()));
    }
}
