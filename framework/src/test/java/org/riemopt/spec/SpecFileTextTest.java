package org.riemopt.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A spec file is UTF-8 text: malformed bytes are refused where they are, and any character written is kept. */
class SpecFileTextTest {

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void aReplacementCharacterWrittenInTheFileIsText() throws IOException {
        Path spec = write("s.yaml", "description: caf\u00e9 \uFFFD \u2713\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(Map.of("description", "caf\u00e9 \uFFFD \u2713"), SpecLoader.readDocument(spec));
    }

    @Test
    void aByteThatIsNotUtf8IsReportedAtItsLineAndColumn() throws IOException {
        // line 2: two characters of two bytes each, then a Latin-1 'e acute' (one byte, 0xE9, not UTF-8 here)
        byte[] bytes = "seed: 1\nd: \u00e9\u00e9X".getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length - 1] = (byte) 0xE9;
        Path spec = write("latin1.yaml", bytes);
        SpecException e = assertThrows(SpecException.class, () -> SpecLoader.readDocument(spec));
        assertEquals("spec file " + spec + " is not UTF-8 text: a byte that is not UTF-8 at line 2, column 6 (a spec "
                + "is YAML or JSON text)", e.getMessage());
    }

    @Test
    void aYamlErrorIsOneLineWithTheFileLineAndColumn() throws IOException {
        Path spec = write("s.yaml", "seed: 1\nmanifold: {type: euclidean, rows: 2\n".getBytes(StandardCharsets.UTF_8));
        SpecException e = assertThrows(SpecException.class, () -> SpecLoader.readDocument(spec));
        assertEquals("spec file " + spec + ": not valid YAML at line 3, column 1: expected ',' or '}', but got "
                + "<stream end> (while parsing a flow mapping)", e.getMessage());
    }
}
