package org.riemopt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.riemopt.cli.Cli.EXAMPLES;
import static org.riemopt.cli.Cli.number;
import static org.riemopt.cli.Cli.riemopt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riemopt.cli.Cli.Run;

/**
 * The shape of the high-order table of Ma, Chen, Lavaei, Sojoudi (seed 004) on {@code examples/high-order-table.yaml}:
 * for λ ∈ {0, 0.5, 5, 50}, trust-regions from the spurious minimum {@code x₀} of {@code f} to the nearby critical point
 * {@code X̂} of {@code f + λf⁴}, then {@code certify} there and at the truth. The Hessian's largest eigenvalue at
 * {@code X̂} grows with λ, while the spectrum at {@code X*} (zero residual, where the quartic term has no curvature)
 * does not change.
 */
class HighOrderTableTest {

    private static final double[] LAMBDAS = {0, 0.5, 5, 50};

    @TempDir
    Path dir;

    @Test
    void largestCurvatureAtTheSpuriousPointGrowsWithLambdaWhileTheTruthIsUnchanged() throws IOException {
        String base = Files.readString(EXAMPLES.resolve("high-order-table.yaml"));
        double previousMax = 0;
        double[] atTruth = null;
        for (double lambda : LAMBDAS) {
            String loss = lambda == 0 ? "loss: l2"
                    : "loss: [{type: l2}, {type: high-order, order: 4, weight: " + lambda + "}]";
            String spec = base.replaceAll("(?m)^loss: .*$", loss);
            Path point = dir.resolve("xhat-" + lambda + ".npz");
            Run run = riemopt("run", "--json", "--save-point", point.toString(), write("run", spec));
            assertEquals(0, run.status(), run.err());
            assertTrue(run.out().contains("\"stopReason\":\"gradientTolerance\""), run.out());

            Run atPoint = riemopt("certify", "--json",
                    write("at-point", spec.replaceAll("(?m)^init: .*$", "init: {file: " + point + "}")));
            assertEquals(0, atPoint.status(), atPoint.err());
            assertTrue(number(atPoint.out(), "gradientNorm") < 1e-10, atPoint.out());
            double max = number(atPoint.out(), "hessianMaxEigenvalue");
            assertTrue(max > previousMax, "λ = " + lambda + ": λ_max " + max + " after " + previousMax);
            previousMax = max;

            Run truth = riemopt("certify", "--json",
                    write("at-truth", spec.replaceAll("(?m)^init: .*$", "init: {type: truth}")));
            assertEquals(0, truth.status(), truth.err());
            double[] spectrum = {number(truth.out(), "hessianMinEigenvalue"),
                number(truth.out(), "hessianMaxEigenvalue")};
            if (atTruth == null) {
                atTruth = spectrum;
            }
            assertEquals(atTruth[0], spectrum[0], 1e-9, "λ_min at X* for λ = " + lambda);
            assertEquals(atTruth[1], spectrum[1], 1e-9, "λ_max at X* for λ = " + lambda);
        }
        assertTrue(previousMax > 100, "λ = 50 amplifies the curvature: " + previousMax);
    }

    private String write(String name, String spec) throws IOException {
        Path file = Files.createTempFile(dir, name, ".yaml");
        Files.writeString(file, spec);
        return file.toString();
    }
}
