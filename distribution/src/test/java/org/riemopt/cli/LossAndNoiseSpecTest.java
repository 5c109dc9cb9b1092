package org.riemopt.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.riemopt.cli.Cli.number;
import static org.riemopt.cli.Cli.riemopt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riemopt.cli.Cli.Run;
import org.riemopt.spec.Instance;
import org.riemopt.spec.RandomStreams;
import org.riemopt.spec.SpecException;
import org.riemopt.spec.SpecLoader;
import org.riemopt.spi.PluginRegistry;

/** Losses as weighted lists of terms and noise as lists of models, through specs and the command line. */
class LossAndNoiseSpecTest {

    private static final String SENSING = "seed: 5\nmanifold: {type: euclidean, rows: 6, cols: 2}\nlift: xxt\n"
            + "operator: {type: gaussian, measurements: 60, symmetric: true}\ntruth: {type: random-psd, rank: 2}\n";

    @TempDir
    Path dir;

    private Run run(String spec) throws IOException {
        Path file = dir.resolve("spec.yaml");
        Files.writeString(file, SENSING + spec);
        return riemopt("run", "--json", file.toString());
    }

    private static void assertSpecError(Run r, String... expected) {
        assertEquals(2, r.status(), r.out() + r.err());
        for (String s : expected) {
            assertTrue(r.err().contains(s), "'" + s + "' in: " + r.err());
        }
    }

    @Test
    void aListOfWeightedTermsRunsAndRecoversTheTruth() throws IOException {
        Run r = run("loss: [{type: l2}, {type: high-order, order: 4, weight: 0.5}]\n");
        assertEquals(0, r.status(), r.err());
        assertTrue(number(r.out(), "relativeError") < 1e-6, r.out());
    }

    @Test
    void badWeightsAndUnknownTermsAreSpecErrors() throws IOException {
        assertSpecError(run("loss: [{type: l2}, {type: high-order, order: 4, weight: -1}]\n"),
                "'loss[1].weight'", "-1.0", "finite and > 0");
        assertSpecError(run("loss: {type: l2, weight: 0}\n"), "'loss.weight'", "finite and > 0");
        assertSpecError(run("loss: [{type: l2}, {type: l7}]\n"), "'loss[1].type'", "l7");
        assertSpecError(run("loss: [{type: l2}, {type: high-order, order: 2}]\n"), "'loss[1]'", "order: got 2");
        assertSpecError(run("loss: []\n"), "'loss'", "at least one term");
        assertSpecError(run("loss: {type: lq}\n"), "'loss'", "missing key 'q'");
    }

    @Test
    void l1IsRefusedByTrustRegionsWithTheAlternativesNamed() throws IOException {
        assertSpecError(run("loss: l1\n"), "'l1' is not twice differentiable", "lq with smoothing",
                "{type: lq, q: 1, smoothing: 1e-3}", "gradient-descent");
        assertSpecError(run("loss: {type: huber, delta: 0.1}\n"), "'huber' is not twice differentiable");
    }

    @Test
    void l1RunsWithGradientDescentAndSmoothedL1WithTrustRegions() throws IOException {
        Run gd = run("loss: l1\nsolver: {type: gradient-descent, maxIterations: 300}\n");
        assertEquals(0, gd.status(), gd.err());
        Run tr = run("loss: {type: lq, q: 1, smoothing: 1e-3}\nsolver: {type: trust-regions, maxIterations: 100}\n");
        assertEquals(0, tr.status(), tr.err());
        assertTrue(number(tr.out(), "relativeError") < 1e-2, tr.out());
    }

    private static double[] residual(String spec) {
        Instance<?, ?> instance = new SpecLoader(PluginRegistry.fromClassPath()).parse(SENSING + spec);
        return residualAtStart(instance);
    }

    private static <P, T> double[] residualAtStart(Instance<P, T> instance) {
        return instance.problem().residual(instance.start()).clone();
    }

    @Test
    void noiseListsApplyInTurnFromTheSeedsStream() {
        // The start and A(M*) do not depend on the noise, so residual differences are differences of b.
        double[] clean = residual("");
        double[] gaussian = residual("noise: {type: gaussian, sigma: 0.01}\n");
        String list = "noise: [{type: gaussian, sigma: 0.01}, "
                + "{type: outliers, fraction: 0.1, distribution: cauchy, scale: 5}]\n";
        double[] both = residual(list);
        assertArrayEquals(both, residual(list), 0, "same seed, same b");
        assertNotEquals(clean[0], gaussian[0]);
        int changed = 0;
        for (int i = 0; i < both.length; i++) {
            if (both[i] != gaussian[i]) {
                changed++;
            }
        }
        assertEquals(6, changed, "round(0.1 * 60) outliers on top of the same Gaussian draws");
        RandomGenerator stream = RandomStreams.NOISE.forSeed(5);
        for (int i = 0; i < clean.length; i++) {
            assertEquals(0.01 * stream.nextGaussian(), clean[i] - gaussian[i], 1e-12, "the Gaussian draws, as before");
        }
    }

    @Test
    void outliersChangeARandomFractionByBoundedOrHeavyTailedValues() {
        double[] clean = residual("");
        double[] uniform = residual("noise: {type: outliers, fraction: 0.25, distribution: uniform, scale: 2}\n");
        double[] student = residual("noise: [{type: outliers, fraction: 0.5, distribution: student-t, scale: 1, "
                + "degrees: 2.5}]\n");
        int changedUniform = 0;
        int changedStudent = 0;
        for (int i = 0; i < clean.length; i++) {
            double d = clean[i] - uniform[i];
            assertTrue(Math.abs(d) <= 2, "uniform on [-2, 2]: " + d);
            changedUniform += d != 0 ? 1 : 0;
            changedStudent += clean[i] != student[i] ? 1 : 0;
        }
        assertEquals(15, changedUniform);
        assertEquals(30, changedStudent);
        assertArrayEquals(clean, residual("noise: {type: outliers, fraction: 0, distribution: cauchy, scale: 3}\n"),
                0);
    }

    @Test
    void noiseErrorsNameTheKey() {
        assertNoiseError("noise: [{type: gaussian, sigma: 0.1}, {type: outliers, fraction: 0.1, "
                + "distribution: student-t, scale: 1}]", "noise[1].degrees", "missing");
        assertNoiseError("noise: {type: outliers, fraction: 1.5, distribution: cauchy, scale: 1}", "noise.fraction",
                "[0, 1]");
        assertNoiseError("noise: {type: outliers, fraction: 0.1, distribution: laplace, scale: 1}",
                "noise.distribution", "cauchy, student-t, uniform");
        assertNoiseError("noise: {type: outliers, fraction: 0.1, distribution: cauchy}", "noise.scale", "missing");
        assertNoiseError("noise: {type: outliers, fraction: 0.1, distribution: cauchy, scale: 1, degrees: 3}",
                "noise.degrees", "only to distribution student-t");
        assertNoiseError("noise: {type: outliers, fraction: 0.1, distribution: student-t, scale: 1, degrees: 0}",
                "noise.degrees", "> 0");
        assertNoiseError("noise: [{type: outliers, fraction: 0.1, distribution: uniform, scale: 1, sigma: 1}]",
                "noise[0].sigma", "unknown key");
        assertNoiseError("noise: [{type: salt}]", "noise[0].type", "gaussian, outliers");
        assertNoiseError("noise: {type: gaussian, sigma: -1}", "noise.sigma", ">= 0");
    }

    private static void assertNoiseError(String noise, String key, String detail) {
        SpecException e = assertThrows(SpecException.class, () -> residual(noise + "\n"));
        assertEquals(key, e.key(), e.getMessage());
        assertTrue(e.getMessage().contains(detail), "'" + detail + "' in: " + e.getMessage());
    }
}
