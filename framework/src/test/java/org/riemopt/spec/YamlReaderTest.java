package org.riemopt.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/** The fast YAML path gives exactly what SnakeYAML's safe constructor gives, whatever surrounds the arrays. */
class YamlReaderTest {

    private static final int LIMIT = 1 << 20;

    private static Object snake(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(new SafeConstructor(options)).load(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "a: [1, 2.5, -3e-4, 1E+5, 0]\n",
        "a: [[1, 2], [3, 4]]\nb: [[[0.5]], [[-1]]]\n",
        "a: [\n  [1, 2],\n  [3, 4]\n]\nb: 3\n",
        "m: {matrix: [[1, 0], [0, 1]], rows: 2}\n",
        "list:\n  - [1, 2]\n  - [3, 4] # a comment\n  - - [5]\n",
        "a: []\nb: [[], [1]]\n",
        "a: [1, 2, ]\n",
        "a: [1, .nan, .inf, -.inf]\n",
        "a: [1, two, 3]\n",
        "a: [+1, 01, 1.]\n",
        "a: \"text [1, 2] in quotes\"\nb: 'it''s [3, 4]'\n",
        "note: a - [1, 2] inside a plain scalar\n",
        "note: Zhang's [1, 2]\n",
        "# a: [1, 2]\n#b: [3]\nc: [4] # d: [5]\n",
        "text: |\n  x: [1, 2]\n  - [3]\n\n  y: [4]\nnext: [5]\n",
        "text: >-\n    folded [1]\n    more: [2]\nnext: [3, 4]\n",
        "- key: |\n    [1, 2]\n  other: [3]\n",
        "a: &first [1, 2]\nb: *first\nc: [*first, *first]\n",
        "a: !!seq [1, 2]\n",
        "\"quoted key\": [1, 2]\n'other': [[3]]\n",
        "a:\n  [1, 2]\n",
        "a: [[1, 2],\n    [3, 4]]   # spans lines\nb: [5]\n",
        "a: [1, 2]\r\nb: [3]\r\n",
        "flow: {a: [1], b: [[2, 3]], c: x}\n",
        "seq: [a, [1, 2], {b: [3]}]\n",
        "a: [12345678901234567890, 2147483648, -2147483649]\n",
        "---\na: [1]\n...\n",
    })
    void readsAsSnakeYamlDoes(String text) {
        assertEquals(snake(text), YamlReader.read(text, LIMIT), text);
    }

    @Test
    void aLargeNumericSpecReadsAsSnakeYamlDoes() {
        Random random = new Random(7);
        StringBuilder b = new StringBuilder("seed: 1\noperator:\n  type: explicit\n  matrices:\n");
        for (int i = 0; i < 50; i++) {
            b.append("    - [");
            for (int j = 0; j < 6; j++) {
                b.append(j == 0 ? "[" : ", [");
                for (int k = 0; k < 6; k++) {
                    b.append(k == 0 ? "" : ", ").append(random.nextGaussian());
                }
                b.append(']');
            }
            b.append("]\n");
        }
        b.append("measurements: [1, 2, 3]\n");
        String text = b.toString();
        Object fast = YamlReader.read(text, LIMIT);
        assertEquals(snake(text), fast);
        assertEquals(50, ((List<?>) ((Map<?, ?>) ((Map<?, ?>) fast).get("operator")).get("matrices")).size());
    }

    /** Documents stitched from random pieces, valid or not: both readers accept the same and read the same. */
    @Test
    void agreesWithSnakeYamlOnRandomDocuments() {
        String[] keys = {"a: ", "- ", "  b: ", "    - ", "\"q\": ", "? k\n: ", "c: &x ", "d: !!seq ", ""};
        String[] values = {"[1, 2]", "[[1, -2.5e3], [3, 4]]", "[\n  1,\n  2]", "[1, 2,]", "[1, x]", "[]", "*x",
            "'[1]'", "\"[2] \\\" [3]\"", "|\n  [4]\n", ">\n  x: [5]\n", "plain - [6]", "{m: [7], n: [[8]]}",
            "[9] # [10]", "[11] junk", "# [12]", "[13", "[.nan, 1]", "[1,\t2]", "text: [14]"};
        Random random = new Random(11);
        for (int doc = 0; doc < 400; doc++) {
            StringBuilder b = new StringBuilder();
            for (int line = 0, lines = 1 + random.nextInt(5); line < lines; line++) {
                b.append(keys[random.nextInt(keys.length)]).append(values[random.nextInt(values.length)]).append('\n');
            }
            String text = b.toString();
            Object expected;
            try {
                expected = snake(text);
            } catch (RuntimeException e) {
                assertThrows(YAMLException.class, () -> YamlReader.read(text, LIMIT), text);
                continue;
            }
            assertEquals(expected, YamlReader.read(text, LIMIT), text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "a: [1, 2]\na: [3]\n",
        "a: [1, 2\nb: 3\n",
        "a: [[1, 2], [3]\n  b: [",
        "a: b: [1]\n",
        "a: [1, 2] trailing\n",
        "a:\t[1, 2]\n",
        "a: [1,\t2]\n",
    })
    void invalidDocumentsStayInvalid(String text) {
        assertThrows(YAMLException.class, () -> snake(text));
        assertThrows(YAMLException.class, () -> YamlReader.read(text, LIMIT));
    }

    /** Unclosed and over-deep runs of brackets: refused as SnakeYAML refuses them (each '[' is scanned once). */
    @Test
    void hostileRunsOfBracketsAreRefused() {
        for (String run : List.of("[".repeat(200_000), "[1, ".repeat(100_000), "[".repeat(60) + "1" + "]".repeat(60))) {
            String text = "x: " + run + "\n";
            assertThrows(YAMLException.class, () -> snake(text));
            assertThrows(YAMLException.class, () -> YamlReader.read(text, LIMIT));
        }
    }

    @Test
    void errorsKeepTheirLineNumbers() {
        String text = "a: [[1, 2],\n    [3, 4],\n    [5, 6]]\nb: [1, 2]\nc: : bad\n";
        YAMLException snake = assertThrows(YAMLException.class, () -> snake(text));
        YAMLException fast = assertThrows(YAMLException.class, () -> YamlReader.read(text, LIMIT));
        assertTrue(snake.getMessage().contains("line 5") && fast.getMessage().contains("line 5"),
                fast.getMessage());
    }
}
