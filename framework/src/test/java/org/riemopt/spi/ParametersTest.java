package org.riemopt.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ParametersTest {

    private final List<ParameterSpec> specs = List.of(
            ParameterSpec.required("count", ParameterType.INTEGER, "how many"),
            ParameterSpec.optional("scale", ParameterType.NUMBER, 1.5, "a factor"),
            ParameterSpec.optional("matrix", ParameterType.MATRIX, "a matrix"));

    @Test
    void fillsDefaultsAndConvertsTypes() {
        Parameters p = Parameters.of(specs.subList(0, 2), Map.of("count", 3));
        assertEquals(3, p.integer("count"));
        assertEquals(1.5, p.number("scale"));
        assertEquals(2.0, Parameters.of(specs.subList(0, 2), Map.of("count", 3, "scale", 2)).number("scale"));
    }

    @Test
    void errorsNameTheKeyTheValueAndWhatIsAllowed() {
        assertMessage(Map.of("count", 1, "colour", "red"), "unknown key 'colour'; allowed: count, scale");
        assertMessage(Map.of(), "missing key 'count'");
        assertMessage(Map.of("count", "three"), "key 'count': expected integer, got 'three'");
        assertMessage(Map.of("count", 1, "scale", Double.NaN), "only finite numbers");
        assertMessage(Map.of("count", 1, "matrix", List.of(List.of(1.0, 2.0), List.of(3.0))),
                "row 1 has 1 entries but row 0 has 2");
    }

    private void assertMessage(Map<String, ?> raw, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Parameters.of(specs, raw));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
