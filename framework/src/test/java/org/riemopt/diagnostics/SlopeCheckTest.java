package org.riemopt.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The words a Taylor check prints for each kind of outcome. */
class SlopeCheckTest {

    private static SlopeCheck check(double slope, boolean exact) {
        return new SlopeCheck(new double[0], new double[0], slope, 0, 0, exact);
    }

    @Test
    void explainsExactModelsMissingFitsAndWrongSlopes() {
        assertEquals("as expected", check(2.98, false).verdict(3));
        assertTrue(check(Double.NaN, true).verdict(3).contains("quadratic along this direction"));
        assertTrue(check(Double.NaN, true).verdict(2).contains("linear along this direction"));
        assertTrue(check(Double.NaN, false).verdict(2).contains("no straight range"));
        assertTrue(check(2.0, false).verdict(3).contains("Hessian"));
        assertTrue(check(1.0, false).verdict(2).contains("gradient is likely wrong"));
    }
}
