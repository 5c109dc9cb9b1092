package org.riemopt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.riemopt.cli.Cli.EXAMPLES;
import static org.riemopt.cli.Cli.number;
import static org.riemopt.cli.Cli.riemopt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.riemopt.cli.Cli.Run;

/** {@code riemopt certify}: the landscape toolkit on the seed papers' examples and on Gaussian sensing. */
class CertifyCommandTest {

    /** Symmetric Gaussian sensing, n = 10, search rank r = 2, true rank 1, m = 10·n·r. */
    private static final String GAUSSIAN = "manifold: {type: euclidean, rows: 10, cols: 2}\nlift: xxt\n"
            + "operator: {type: gaussian, measurements: 200, symmetric: true}\ntruth: {type: random-psd, rank: 1}\n";

    @Test
    void zhangExample41IsASaddleOfCurvatureMinus2OnePlusDeltaEpsilon() {
        Run r = riemopt("certify", "--json", EXAMPLES.resolve("zhang-4.1.yaml").toString());
        assertEquals(0, r.status(), r.err());
        double epsilon = 0.1;
        double delta = 1 / (1 + (1 + epsilon) * Math.sqrt(1.0 / 3));
        double curvature = -2 * (1 + delta) * epsilon;
        assertEquals(curvature, number(r.out(), "hessianMinEigenvalue"), 1e-10, r.out());
        assertEquals(-curvature, number(r.out(), "epsilon2"), 1e-10, r.out());
        // X0 = Q1 has X0ᵀX0 = I, so the local norm ‖DXᵀ‖ is ‖D‖ and the local values are the Euclidean ones.
        assertEquals(-curvature, number(r.out(), "epsilon2Local"), 1e-10, r.out());
        assertTrue(number(r.out(), "epsilon1") < 1e-13, r.out());
        // The escape direction D1 = Z⊥ uᵀ attains the negative curvature (Theorem 3.10's second ratio).
        assertEquals(curvature, number(r.out(), "hessianRatio"), 1e-10, r.out());
        assertTrue(r.out().contains("\"certifiesDescent\":true"), r.out());
        assertEquals(1 / (1 + Math.sqrt(1.0 / 3)), number(r.out(), "deltaCritical"), 1e-15, r.out());
        assertEquals(0, number(r.out(), "splitResidual"), 1e-12, r.out());
        // A saddle: the decrease in a ball of radius γ is of order γ², −curvature/2 · γ² to leading order.
        double exponent = number(r.out(), "descentExponent");
        assertTrue(exponent > 1.9 && exponent < 2.1, r.out());
        assertEquals(-curvature / 2 * 1e-6, decreases(r.out()).get(0), 1e-9, r.out());
        // The sampled RIP estimate is a lower bound on the example's δ (and here nearly attains it).
        double rip = number(r.out(), "lowerBound");
        assertTrue(rip <= delta + 1e-12 && rip > 0.9 * delta, r.out());
    }

    @Test
    void boumalsSpuriousMinimumIsASecondOrderPoint() {
        Run r = riemopt("certify", "--json", EXAMPLES.resolve("boumal-2x2.yaml").toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(1, number(r.out(), "hessianMinEigenvalue"), 1e-9, r.out());
        assertTrue(number(r.out(), "epsilon1") < 1e-12, r.out());
        assertEquals(0, number(r.out(), "epsilon2"), 0, r.out());
        // The local norm is the XX^T parameterization's: not defined on the fixed-rank manifold.
        assertTrue(r.out().contains("\"epsilon1Local\":null"), r.out());
        assertFalse(r.out().contains("\"escape\""), r.out());
        for (double d : decreases(r.out())) {
            assertTrue(d <= 1e-15, r.out());
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    void escapeDirectionsCertifyDescentFarFromTheTruth(int seed, @TempDir Path dir) throws IOException {
        Path spec = dir.resolve("far.yaml");
        Files.writeString(spec, "seed: " + seed + "\n" + GAUSSIAN + "init: {type: random}\n");
        Run r = riemopt("certify", "--json", spec.toString());
        assertEquals(0, r.status(), r.err());
        // Theorem 3.10 (noiseless, ε₁ = ε₂ = 0): if δ < δc, one of the two ratios is negative. With m = 10·n·r the
        // refined RIP estimate on rank r + r* = 3 is already 0.65 to 0.92 on these seeds, above δc = 0.586, so the
        // theorem's sufficient condition is not met as measured; the first ratio is negative all the same, by a
        // wide margin (about −24 to −42): D₀ alone certifies descent far from the truth.
        assertTrue(number(r.out(), "gradientRatio") < -1, r.out());
        assertTrue(r.out().contains("\"certifiesDescent\":true"), r.out());
        assertEquals(0, number(r.out(), "splitResidual") / number(r.out(), "errorNorm"), 1e-12, r.out());
        // Far from a critical point the decrease is first order in the radius.
        assertEquals(1, number(r.out(), "descentExponent"), 0.1, r.out());
    }

    @Test
    void theTruthIsALocalMinimumWithoutNoise(@TempDir Path dir) throws IOException {
        Path spec = dir.resolve("truth.yaml");
        Files.writeString(spec, "seed: 3\n" + GAUSSIAN + "init: {type: truth}\ncertify: {ripConstant: 0.3}\n");
        Run r = riemopt("certify", "--json", spec.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(number(r.out(), "gradientNorm") < 1e-12, r.out());
        assertTrue(number(r.out(), "epsilon1") < 1e-12, r.out());
        assertTrue(number(r.out(), "epsilon1Local") < 1e-12, r.out());
        assertEquals(0, number(r.out(), "epsilon2Local"), 1e-8, r.out());
        for (double d : decreases(r.out())) {
            assertTrue(d <= 1e-14, r.out());
        }
        assertTrue(r.out().contains("\"certifiesDescent\":false"), r.out());
        // Noiseless: seed 000's and seed 002's bounds are round-off, as is the error itself.
        assertTrue(number(r.out(), "bound") < 1e-12, r.out());
    }

    @Test
    void withOutliersAndOverParameterizationTheTruthIsNotALocalMinimumOfL1() {
        // Seed 001: asymmetric sensing, m = 80 below max(d1, d2)·k = 240, 10% Cauchy outliers, l1 loss.
        Run r = riemopt("certify", "--json", EXAMPLES.resolve("robust-l1.yaml").toString());
        assertEquals(0, r.status(), r.err());
        Matcher m = Pattern.compile("\\{\"radius\":([-0-9.eE]+),\"decrease\":([-0-9.eE]+)}").matcher(r.out());
        while (m.find()) {
            double radius = Double.parseDouble(m.group(1));
            double decrease = Double.parseDouble(m.group(2));
            assertTrue(decrease > 0.1 * radius, "a decrease of order γ at γ = " + radius + ": " + r.out());
        }
        double exponent = number(r.out(), "descentExponent");
        assertTrue(exponent > 0.8 && exponent < 1.3, "first order, not γ²: " + r.out());
    }

    @Test
    void optionsErrorsExitTwoNamingTheKey(@TempDir Path dir) throws IOException {
        Path spec = dir.resolve("bad.yaml");
        Files.writeString(spec, "seed: 3\n" + GAUSSIAN + "certify: {radius: [0.1]}\n");
        Run r = riemopt("certify", spec.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("certify.radius"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void withoutATruthTheTruthsPartsAreLeftOut(@TempDir Path dir) throws IOException {
        Path spec = dir.resolve("no-truth.yaml");
        Files.writeString(spec, "seed: 3\nmanifold: {type: euclidean, rows: 6, cols: 2}\nlift: xxt\n"
                + "operator: {type: gaussian, measurements: 60, symmetric: true}\nmeasurements: "
                + "[" + "0.5, ".repeat(59) + "0.5]\ncertify: {ripConstant: 0.2, radii: [0.01, 0.1]}\n");
        Run r = riemopt("certify", spec.toString());
        assertEquals(0, r.status(), r.err());
        assertFalse(r.out().contains("escape directions"), r.out());
        assertTrue(r.out().contains("descent exponent"), r.out());
    }

    private static List<Double> decreases(String json) {
        List<Double> out = new ArrayList<>();
        Matcher m = Pattern.compile("\"decrease\":([-0-9.eE]+)").matcher(json);
        while (m.find()) {
            out.add(Double.parseDouble(m.group(1)));
        }
        return out;
    }
}
