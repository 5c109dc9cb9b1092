package org.riemopt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riemopt.cli.Cli.Run;
import org.riemopt.testbundles.TestBundles;

import static org.riemopt.cli.Cli.EXAMPLES;
import static org.riemopt.cli.Cli.number;
import static org.riemopt.cli.Cli.riemopt;

/** The command line end to end, on the repository's examples and on broken specs. */
class CliTest {

    @TempDir
    Path dir;

    @Test
    void boumalTwoByTwoHasTheSeedsValues() {
        Run r = riemopt("check", "--json", EXAMPLES.resolve("boumal-2x2.yaml").toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(1, r.out().lines().count(), "one JSON object, nothing else");
        assertEquals(0.75, number(r.out(), "cost"), 1e-15);
        assertTrue(number(r.out(), "gradientNorm") < 1e-12);
        assertEquals(2, number(r.out(), "gradientSlope"), 0.1);
        Matcher m = Pattern.compile("\"hessianEigenvalues\":\\[([^]]*)]").matcher(r.out());
        assertTrue(m.find(), r.out());
        String[] values = m.group(1).split(",");
        assertEquals(3, values.length);
        double[] expected = {1, 2, 7};
        for (int i = 0; i < 3; i++) {
            assertEquals(expected[i], Double.parseDouble(values[i]), 1e-8);
        }
    }

    @Test
    void gaussianSensingDemoRecoversTheTruth() throws IOException {
        Path trace = dir.resolve("trace.csv");
        Run r = riemopt("run", "--json", "--trace", trace.toString(),
                EXAMPLES.resolve("gaussian-sensing.yaml").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(number(r.out(), "relativeError") < 1e-6, r.out());
        assertTrue(r.out().contains("\"stopReason\":\"costTolerance\""), r.out());
        List<String> lines = Files.readAllLines(trace);
        assertEquals("iteration,cost,gradientNorm,timeSeconds,innerIterations,radius,rho,accepted,limitedByRadius,"
                + "relativeError", lines.get(0));
        assertEquals((int) number(r.out(), "iterations") + 2, lines.size());
        String[] last = lines.get(lines.size() - 1).split(",");
        assertEquals(number(r.out(), "relativeError"), Double.parseDouble(last[last.length - 1]), 0.0,
                "the trace's last relative error is the run's");
    }

    @Test
    void everyCommandHasHelpAndUsageErrorsAreOneLinePlusAHint() {
        for (String[] command : new String[][] {{"run"}, {"check"}, {"certify"}, {"slice"}, {"compare"}, {"sweep"},
                {"sweep", "merge"}, {"plugins"}, {"bench"}}) {
            String[] args = java.util.Arrays.copyOf(command, command.length + 1);
            args[command.length] = "-h";
            Run help = riemopt(args);
            assertEquals(0, help.status(), String.join(" ", args) + ": " + help.err());
            assertTrue(help.out().startsWith("Usage: riemopt " + String.join(" ", command)), help.out());
        }
        Run missing = riemopt("run");
        assertEquals(2, missing.status());
        assertEquals("riemopt: Missing required parameter: 'SPEC'\nriemopt: see 'riemopt run --help'\n",
                missing.err().replace(System.lineSeparator(), "\n"));
        assertEquals("", missing.out());
    }

    @Test
    void aNumericalFailureIsExitOneAndNotConverged() throws IOException {
        Path spec = dir.resolve("diverges.yaml");
        Files.writeString(spec, """
                seed: 1
                manifold: {type: euclidean, rows: 10, cols: 2}
                operator: {type: gaussian, measurements: 60, symmetric: true}
                truth: {type: random-psd, rank: 2}
                init: {type: random, scale: 100}
                solver: {type: sgd, stepSize: 10, maxIterations: 200}
                """);
        Run r = riemopt("run", "--json", spec.toString());
        assertEquals(1, r.status(), r.err());
        assertTrue(r.out().contains("\"stopReason\":\"nonFinite\"") && r.out().contains("\"converged\":false"),
                r.out());
        assertTrue(Double.isFinite(number(r.out(), "cost")), "the last finite iterate: " + r.out());
    }

    @Test
    void checkOfANonsmoothLossChecksTheGradientAndSaysWhyNotTheHessian() {
        Run r = riemopt("check", "--json", EXAMPLES.resolve("robust-l1.yaml").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("\"hessianCheck\":\"not checked: the loss 'l1' is not twice differentiable"),
                r.out());
        assertFalse(r.out().contains("hessianSlope") || r.out().contains("hessianMinEigenvalue"), r.out());
        Run text = riemopt("check", EXAMPLES.resolve("robust-l1.yaml").toString());
        assertEquals(0, text.status(), text.err());
        assertTrue(text.out().contains("gradient Taylor slope") && text.out().contains("Hessian:                 not "
                + "checked"), text.out());
    }

    @Test
    void pluginsListsEveryBuiltInWithParameters() {
        Run r = riemopt("plugins", "--json");
        assertEquals(0, r.status(), r.err());
        for (String name : List.of("l2", "explicit", "gaussian", "trust-regions", "gradient-descent", "euclidean",
                "fixed-rank")) {
            assertTrue(r.out().contains("\"name\":\"" + name + "\""), name);
        }
        assertTrue(r.out().contains("\"name\":\"gradientTolerance\",\"type\":\"number\",\"required\":false,"
                + "\"default\":1.0E-6"), r.out());
        assertTrue(r.out().contains("\"skipped\":[]"), r.out());
    }

    private static final String VALID = """
            seed: 3
            manifold: {type: fixed-rank, rows: 2, cols: 2, rank: 1}
            operator:
              type: explicit
              matrices: [[[1, 0], [0, 1]], [[0, 1], [1, 0]], [[1, 2], [3, 4]]]
            truth: {matrix: [[1, 0], [0, 0]]}
            loss: l2
            """;

    private Run runSpec(String text, String... options) throws IOException {
        Path spec = dir.resolve("spec.yaml");
        Files.writeString(spec, text);
        List<String> args = new java.util.ArrayList<>(List.of("run", "--json"));
        args.addAll(List.of(options));
        args.add(spec.toString());
        return riemopt(args.toArray(String[]::new));
    }

    @Test
    void theValidBaseSpecRuns() throws IOException {
        assertEquals(0, runSpec(VALID).status());
    }

    @Test
    void badSpecsExitWithStatusTwoNamingKeyValueAndAllowed() throws IOException {
        Map<String, List<String>> cases = Map.of(
                VALID.replace("loss: l2", "loss: l3"),
                List.of("'loss.type'", "unknown loss 'l3'", "available: high-order, huber, l1, l2, lq"),
                VALID.replace("rank: 1", "rank: 3"),
                List.of("'manifold'", "rank 3", "allowed: 1 to 2"),
                VALID.replace("[[1, 2], [3, 4]]", "[[1, 2, 5], [3, 4, 6]]"),
                List.of("'operator'", "matrices[2] is 2x3", "must be 2x2"),
                VALID.replace("truth: {matrix: [[1, 0], [0, 0]]}", "truth: {matrix: [[1, .nan], [0, 0]]}"),
                List.of("'truth.matrix'", "NaN", "only finite numbers"),
                VALID + "colour: red\n",
                List.of("'colour'", "unknown key", "allowed: certify, description, init, lift"),
                VALID.replace("loss: l2", "lift: xxt"),
                List.of("'lift'", "'xxt' is not a lift", "allowed: identity"));
        for (Map.Entry<String, List<String>> c : cases.entrySet()) {
            Run r = runSpec(c.getKey());
            assertEquals(2, r.status(), r.err());
            assertEquals("", r.out(), "nothing on stdout");
            for (String expected : c.getValue()) {
                assertTrue(r.err().contains(expected), "'" + expected + "' in: " + r.err());
            }
        }
    }

    @Test
    void jsonSpecsWithNoiseAreAccepted() throws IOException {
        Path spec = dir.resolve("spec.json");
        Files.writeString(spec, "{\"seed\": 2, \"manifold\": {\"type\": \"euclidean\", \"rows\": 6, \"cols\": 2},"
                + " \"operator\": {\"type\": \"gaussian\", \"measurements\": 40, \"symmetric\": true},"
                + " \"truth\": {\"type\": \"random-psd\", \"rank\": 2}, \"noise\": {\"type\": \"gaussian\","
                + " \"sigma\": 0.001}}");
        Run r = riemopt("run", "--json", spec.toString());
        assertEquals(0, r.status(), r.err());
        double error = number(r.out(), "relativeError");
        assertTrue(error > 1e-7 && error < 1e-2, "noisy recovery is close but not exact: " + error);
    }

    @Test
    void pluginDirectoriesAddBundleProvidersAndIsolateFaultyOnes() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        TestBundles.lossBundle(plugins, "halfsquare.jar", "test.halfsquare",
                TestBundles.lossSource("test.halfsquare", "halfsquare", null, null));
        TestBundles.lossBundle(plugins, "failing.jar", "test.failing",
                TestBundles.lossSource("test.failing", "failing", null, "refuses to create"));
        TestBundles.brokenBundle(plugins, "broken.jar");

        Run listing = riemopt("plugins", "--json", "--plugins", plugins.toString());
        assertEquals(0, listing.status(), listing.err());
        assertTrue(listing.out().contains("\"name\":\"halfsquare\",\"family\":\"loss\""), listing.out());
        assertTrue(listing.out().contains("\"version\":\"1.0.0\",\"source\":\"bundle\""), listing.out());
        assertTrue(listing.out().contains("\"plugin\":\"broken.jar\""), listing.out());

        Run withBundleLoss = runSpec(VALID.replace("loss: l2", "loss: halfsquare"), "--plugins", plugins.toString());
        assertEquals(0, withBundleLoss.status(), withBundleLoss.err());
        Run withOtherPlugins = runSpec(VALID, "--plugins", plugins.toString());
        assertEquals(0, withOtherPlugins.status(), withOtherPlugins.err());
        Run withFailing = runSpec(VALID.replace("loss: l2", "loss: failing"), "--plugins", plugins.toString());
        assertEquals(2, withFailing.status());
        assertTrue(withFailing.err().contains("spec key 'loss': the plugin loss 'failing' (bundle ")
                && withFailing.err().contains("failing.jar) failed")
                && withFailing.err().contains("refuses to create"), withFailing.err());
        assertEquals("", withFailing.out());

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Riemopt.execute(new String[] {"plugins"}, new PrintWriter(out), new PrintWriter(err),
                Map.of(Riemopt.PLUGINS_VARIABLE, plugins.toString()));
        assertEquals(0, status, err.toString());
        assertTrue(out.toString().contains("halfsquare"), "RIEMOPT_PLUGINS is read: " + out);
    }

    @Test
    void aMissingPluginDirectoryAndASolverRefusalAreUsageErrors() throws IOException {
        Run missing = riemopt("plugins", "--plugins", dir.resolve("nowhere").toString());
        assertEquals(2, missing.status());
        assertTrue(missing.err().contains("nowhere: not a directory"), missing.err());
        Run refused = runSpec(VALID + "solver: {type: trust-regions, initialRadius: 1e9, maxRadius: 2}\n");
        assertEquals(2, refused.status());
        assertTrue(refused.err().contains("spec key 'solver': initialRadius 1.0E9 exceeds maxRadius 2.0"),
                refused.err());
        assertEquals("", refused.out());
    }

    @Test
    void missingSpecFileIsAUsageError() {
        Run r = riemopt("run", dir.resolve("absent.yaml").toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("cannot read spec file") && r.err().contains("no such file"), r.err());
    }
}
