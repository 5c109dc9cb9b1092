package org.riemopt.plugins.solvers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.riemopt.solver.IterationRecord;
import org.riemopt.solver.Result;
import org.riemopt.spec.Instance;
import org.riemopt.spec.SpecLoader;
import org.riemopt.spi.PluginRegistry;

/**
 * Parity with Manopt's {@code trustregions} on the five reference instances of {@code shared/reference/parity}
 * (specs and Manopt's per-iteration traces, copied into test resources): the same number of outer iterations
 * (exactly on the well-conditioned instances; within 5 on the over-parameterized {@code parity-sym-r3}, whose
 * degenerate minimum makes the last iterations chaotic under round-off), the same accept/reject sequence and tCG
 * inner counts over the first 10 iterations (15 on {@code parity-sym-r3}), and costs equal to 1e-8 relative over the
 * first 5.
 */
class ManoptParityTest {

    /** One row of a Manopt trace. */
    private record ManoptRow(int iter, double cost, double gradnorm, int numinner, double delta, boolean accepted,
                             boolean limited) {
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"parity-sym-r2, manopt-trace-sym-r2, 0, 10", "parity-sym-r3, manopt-trace-sym-r3, 5, 15",
            "parity-fixedrank, manopt-trace-fixedrank, 0, 10", "parity-factors, manopt-trace-factors, 0, 10",
            "parity-psd, manopt-trace-psd, 0, 10"})
    void matchesManoptTrace(String spec, String trace, int iterationTolerance, int comparedIterations)
            throws IOException {
        Instance<?, ?> instance = new SpecLoader(PluginRegistry.fromClassPath()).parse(resource(spec + ".yaml"));
        Result<?> result = run(instance);
        List<ManoptRow> manopt = parseTrace(resource(trace + ".csv"));
        int manoptIterations = manopt.get(manopt.size() - 1).iter();

        assertTrue(Math.abs(result.iterations() - manoptIterations) <= iterationTolerance,
                "iterations: Riemopt " + result.iterations() + ", Manopt " + manoptIterations);
        List<IterationRecord> ours = result.trace();
        for (int k = 1; k <= Math.min(comparedIterations, manoptIterations); k++) {
            ManoptRow expected = manopt.get(k);
            IterationRecord actual = ours.get(k);
            assertEquals(expected.accepted(), actual.extra().get("accepted"), "accepted at iteration " + k);
            assertEquals(expected.numinner(), actual.extra().get("innerIterations"), "tCG iterations at " + k);
            assertEquals(expected.limited(), actual.extra().get("limitedByRadius"), "limitedByRadius at " + k);
        }
        for (int k = 0; k <= 5; k++) {
            double expected = manopt.get(k).cost();
            assertEquals(expected, ours.get(k).cost(), 1e-8 * Math.abs(expected), "cost at iteration " + k);
        }
        assertEquals(manopt.get(0).delta(), (double) ours.get(0).extra().get("radius"), 1e-12, "initial radius");
    }

    private static <P, T> Result<P> run(Instance<P, T> instance) {
        return instance.solver().solve(instance.problem(), instance.start(), List.of());
    }

    private static List<ManoptRow> parseTrace(String csv) {
        List<ManoptRow> rows = new ArrayList<>();
        for (String line : csv.split("\n")) {
            if (line.isBlank() || line.startsWith("iter")) {
                continue;
            }
            String[] f = line.trim().split(",");
            rows.add(new ManoptRow(Integer.parseInt(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                    Integer.parseInt(f[3]), Double.parseDouble(f[4]), f[6].equals("1"), f[7].equals("1")));
        }
        return rows;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ManoptParityTest.class.getResourceAsStream("/parity/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource /parity/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
