package org.riemopt.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.riemopt.cli.Cli.EXAMPLES;
import static org.riemopt.cli.Cli.number;
import static org.riemopt.cli.Cli.riemopt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.riemopt.cli.Cli.Run;
import org.riemopt.diagnostics.HessianSpectrum;
import org.riemopt.linalg.LowRankMatrix;
import org.riemopt.manifold.SearchSpace;
import org.riemopt.manifolds.FactorSpaceProvider;
import org.riemopt.manifolds.Tuple;
import org.riemopt.plugins.operators.RipCounterexampleOperator;
import org.riemopt.plugins.regularizers.BalancingRegularizerProvider;
import org.riemopt.problem.Loss;
import org.riemopt.problem.Problem;
import org.riemopt.spi.Parameters;
import org.riemopt.spi.RegularizerProvider;

/**
 * The counterexamples of seeds 002 and 003 reproduce their papers' numbers through {@code riemopt check --json} at
 * their spurious points, and Example 4.4 (which needs a weighted loss) through a problem built with the weight.
 */
class CounterexamplesTest {

    /** The Hessian eigenvalues {@code check --json} reports, ascending. */
    private static double[] eigenvalues(String json) {
        Matcher m = Pattern.compile("\"hessianEigenvalues\":\\[([^]]*)]").matcher(json);
        assertTrue(m.find(), json);
        double[] values = Arrays.stream(m.group(1).split(",")).mapToDouble(Double::parseDouble).toArray();
        Arrays.sort(values);
        return values;
    }

    private static Run check(Path spec) {
        Run r = riemopt("check", "--json", spec.toString());
        assertEquals(0, r.status(), r.err());
        return r;
    }

    @Test
    void zhangExample13IsANonstrictSaddleWithTheSeedsHessian() {
        Run r = check(EXAMPLES.resolve("zhang-1.3.yaml"));
        double epsilon = 1e-2;
        assertTrue(number(r.out(), "gradientNorm") < 1e-14, r.out());
        // Zhang (2024), Example 1.3: ∇²f(x₀) = diag(4, −2ε(1 + 1/(2+ε)))
        assertArrayEquals(new double[] {-2 * epsilon * (1 + 1 / (2 + epsilon)), 4}, eigenvalues(r.out()), 1e-12,
                r.out());
    }

    @Test
    void zhangExample44AsWrittenHasTwiceTheStatedCurvature() {
        Run r = check(EXAMPLES.resolve("zhang-4.4.yaml"));
        double epsilon = 0.1;
        double delta = 1 / (1 + (1 + epsilon) * Math.sqrt(1.0 / 3));
        assertTrue(number(r.out(), "gradientNorm") < 1e-13, r.out());
        // g_t = 2‖A(UVᵀ − M*)‖² + t‖UᵀU − VᵀV‖² (loss weight 4): −4(1+δ)ε; the paper states −2(1+δ)ε (weight 2).
        assertEquals(-4 * (1 + delta) * epsilon, number(r.out(), "hessianMinEigenvalue"), 1e-12, r.out());
    }

    @Test
    void zhangExample45IsASpuriousPointWithHessianAboveMinusEpsilon() {
        Run r = check(EXAMPLES.resolve("zhang-4.5.yaml"));
        double epsilon = 1e-2;
        assertEquals(0.5, number(r.out(), "cost"), 1e-15, "‖U₀V₀ᵀ − e₁e₁ᵀ‖ = 1");
        assertEquals(0, number(r.out(), "gradientNorm"), 1e-14, r.out());
        double min = number(r.out(), "hessianMinEigenvalue");
        assertTrue(min >= -epsilon - 1e-12, "∇²f ⪰ −εI: " + r.out());
        // the paper's λ_min of [[0, −1], [−1, 1/ε]], which is negative: a saddle, not a minimum
        assertEquals((1 - Math.sqrt(1 + 4 * epsilon * epsilon)) / (2 * epsilon), min, 1e-12, r.out());
    }

    @Test
    void zhangExample45IsNoLongerCriticalWithBalancing(@TempDir Path dir) throws IOException {
        Path spec = dir.resolve("balanced.yaml");
        Files.writeString(spec, Files.readString(EXAMPLES.resolve("zhang-4.5.yaml"))
                + "regularizers: [{type: balancing, gamma: 1}]\n");
        Run r = check(spec);
        // ∇R = (4γ U₀D, 0) with D = U₀ᵀU₀ = I/ε: ‖∇R‖ = 4‖U₀‖/ε = 4·√(r/ε)/ε
        assertEquals(4 * Math.sqrt(2 / 1e-2) / 1e-2, number(r.out(), "gradientNorm"), 1e-9, r.out());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fixed-rank, rows: 2, cols: 2, rank: 1}\nlift: identity",
        "factors, rows: 2, cols: 2, rank: 1}\nlift: uvt"})
    void boumalCriscitielloIsASpuriousLocalMinimumOnEveryRankOneParameterization(String manifold,
                                                                                   @TempDir Path dir)
            throws IOException {
        Path spec = dir.resolve("bc.yaml");
        Files.writeString(spec, "manifold: {type: " + manifold + "\noperator: {type: boumal-criscitiello}\n"
                + "truth: {type: example}\ninit: {type: spurious}\n");
        Run r = check(spec);
        assertEquals(0.75, number(r.out(), "cost"), 1e-15, r.out());
        assertTrue(number(r.out(), "gradientNorm") < 1e-12, r.out());
        double[] eigenvalues = eigenvalues(r.out());
        if (manifold.startsWith("fixed-rank")) {
            // Boumal and Criscitiello's Manopt output: 1, 2, 7
            assertArrayEquals(new double[] {1, 2, 7}, eigenvalues, 1e-8, r.out());
        } else {
            // (L, R) → (La, R/a) leaves LRᵀ fixed: one zero eigenvalue, the others positive
            assertEquals(0, eigenvalues[0], 1e-12, r.out());
            assertTrue(eigenvalues[1] > 0.1, r.out());
        }
    }

    /** {@code w·½r²}: the ℓ2 loss with a weight, as Example 4.4's {@code 2‖A(·)‖² = 4·½‖A(·)‖²} needs. */
    private static Loss weightedL2(double w) {
        return new Loss() {
            @Override public String name() { return "l2"; }
            @Override public double value(double r) { return w * 0.5 * r * r; }
            @Override public double derivative(double r) { return w * r; }
            @Override public double secondDerivative(double r) { return w; }
        };
    }

    @SuppressWarnings("unchecked")
    private static double[] example44(double weight, double t, double[] gradientNorm) {
        RipCounterexampleOperator op = RipCounterexampleOperator.example41(6, 3, 1, 0.1);
        FactorSpaceProvider factors = new FactorSpaceProvider();
        SearchSpace<Tuple, Tuple> space = (SearchSpace<Tuple, Tuple>) (SearchSpace<?, ?>) factors.create(
                Parameters.of(factors.parameters(), Map.of("rows", 6, "cols", 6, "rank", 3)));
        RegularizerProvider balancing = new BalancingRegularizerProvider();
        Problem<Tuple, Tuple> g = new Problem<>(space.manifold(), space.lifts().get("uvt"), op,
                op.apply(op.truth()), weightedL2(weight),
                List.of(balancing.create(Parameters.of(balancing.parameters(), Map.of("gamma", t)), space)));
        LowRankMatrix x0 = op.spuriousPoint();
        Tuple point = space.pointFromFactors(x0.left(), x0.right());
        gradientNorm[0] = space.manifold().norm(point, g.gradient(point));
        double[] eigenvalues = HessianSpectrum.eigenvalues(g, point, new Random(1));
        Arrays.sort(eigenvalues);
        return eigenvalues;
    }

    @Test
    void zhangExample44HasItsSpuriousPointForEveryBalancingWeight() {
        double epsilon = 0.1;
        double delta = 1 / (1 + (1 + epsilon) * Math.sqrt(1.0 / 3));
        for (double t : new double[] {0, 0.5, 10}) {
            double[] gradientNorm = new double[1];
            // g_t = 2‖A(UVᵀ − M*)‖² + t‖UᵀU − VᵀV‖², as the paper writes it: weight 4 on ½‖·‖²
            double[] literal = example44(4, t, gradientNorm);
            assertEquals(0, gradientNorm[0], 1e-12, "∇g_t(Q₁, Q₁) = 0 at t = " + t);
            assertEquals(-4 * (1 + delta) * epsilon, literal[0], 1e-10, "t = " + t);
            // the paper's bound −2(1+δ)ε is the smallest eigenvalue for ‖A(UVᵀ − M*)‖²: weight 2
            assertEquals(-2 * (1 + delta) * epsilon, example44(2, t, gradientNorm)[0], 1e-10, "t = " + t);
        }
    }
}
