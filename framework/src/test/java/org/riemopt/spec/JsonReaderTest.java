package org.riemopt.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** The JSON fast path reads what the YAML reader reads, refuses what is not JSON, and big spec files are refused. */
class JsonReaderTest {

    @Test
    void readsTheSameValuesAsTheYamlReader() {
        String json = "{\"seed\": 3, \"big\": 12345678901, \"huge\": 123456789012345678901234567890,"
                + " \"x\": -1.5e-3, \"y\": 2.0, \"flag\": true, \"off\": false, \"none\": null,"
                + " \"name\": \"a\\\"b\\\\c\\u00e9\", \"rows\": [[1, 2], [3.5, -4]], \"empty\": {}, \"list\": []}";
        Object expected = new Yaml().load(json);
        Object actual = JsonReader.read(json, "the spec");
        assertEquals(expected, actual);
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) actual;
        assertEquals(Integer.class, map.get("seed").getClass());
        assertEquals(Long.class, map.get("big").getClass());
        assertEquals(BigInteger.class, map.get("huge").getClass());
        assertEquals(List.of(List.of(1, 2), List.of(3.5, -4)), map.get("rows"));
        assertEquals(List.of("seed", "big", "huge", "x", "y", "flag", "off", "none", "name", "rows", "empty", "list"),
                List.copyOf(map.keySet()));
        assertTrue(map instanceof LinkedHashMap, "key order kept");
    }

    @Test
    void errorsNameLineAndColumn() {
        String[][] cases = {
            {"{\"a\": 1,\n \"a\": 2}", "line 2, column 2: duplicate key 'a'"},
            {"{\"a\": [1, 2}", "expected ']', got '}'"},
            {"{\"a\": 1x}", "expected '}', got 'x'"},
            {"{\"a\": 010}", "line 1, column 7: a number with a leading zero"},
            {"{\"a\": -00.5}", "leading zero"},
            {"{\"a\": " + "[".repeat(50) + "]".repeat(50) + "}", "nested more than 50 deep"},
            {"[".repeat(100_000), "line 1, column 51: arrays and objects nested more than 50 deep"},
            {"{\"a\": tru}", "unexpected 't'"},
            {"{\"a\": \"x}", "unterminated string"},
            {"{\"a\": 1} extra", "after the document"},
            {"{\"a\": -}", "expected a digit"},
            {"{a: 1}", "expected a key in double quotes"},
        };
        for (String[] c : cases) {
            SpecException e = assertThrows(SpecException.class, () -> JsonReader.read(c[0], "spec file s.json"),
                    c[0]);
            assertTrue(e.getMessage().startsWith("spec file s.json: not valid JSON at line ")
                    && e.getMessage().contains(c[1]), c[0] + " -> " + e.getMessage());
        }
        assertEquals(List.of(0, -0.5, 10), JsonReader.read("[0, -0.5, 10]", "the spec"));
    }

    @Test
    void nestingUpToTheLimitIsRead() {
        Object value = JsonReader.read("[".repeat(JsonReader.MAX_DEPTH) + "]".repeat(JsonReader.MAX_DEPTH), "s");
        for (int depth = 1; depth < JsonReader.MAX_DEPTH; depth++) {
            value = ((List<?>) value).get(0);
        }
        assertEquals(List.of(), value);
    }

    @Test
    void specFilesAboveTheLimitAreRefusedWithoutReadingThemWhole(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.yaml");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(SpecLoader.MAX_SPEC_BYTES + 1L);
        }
        SpecException e = assertThrows(SpecException.class, () -> SpecLoader.readDocument(big));
        assertTrue(e.getMessage().contains("larger than 64 MiB") && e.getMessage().contains(".npy"),
                e.getMessage());
    }
}
