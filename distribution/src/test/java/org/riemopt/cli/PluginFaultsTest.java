package org.riemopt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.riemopt.cli.Cli.riemopt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riemopt.cli.Cli.Run;
import org.riemopt.testbundles.TestBundles;

/** A plugin's failures, errors included, are reported naming the plugin and the spec key; the host goes on. */
class PluginFaultsTest {

    @TempDir
    Path dir;

    private Path plugins;

    @BeforeEach
    void buildPlugins() throws IOException {
        plugins = Files.createDirectories(dir.resolve("plugins"));
        bundle("throwing", "", "if (r != 12345) throw new IllegalStateException(\"value is broken\"); return r;");
        bundle("recursing", "", "return deep(0);");
        bundle("exhausting", "", "throw new OutOfMemoryError(\"plugin heap\");");
        bundle("overflowing", "if (p != null) deep(0);", "return r * r;");
        TestBundles.lossBundle(plugins, "unborn.jar", "test.unborn",
                TestBundles.lossSource("test.unborn", "unborn", "no constructor for you", null));
    }

    @Test
    void anOperatorThatFailsIsNamedAtLoadAndDuringTheSolve() throws IOException {
        TestBundles.bundle(plugins, "brokenop.jar", "test.brokenop",
                TestBundles.brokenOperatorSource("test.brokenop", "brokenop"), "org.riemopt.spi.OperatorProvider");
        Path spec = dir.resolve("op.yaml");
        String during = "seed: 3\nmanifold: {type: fixed-rank, rows: 2, cols: 2, rank: 1}\n"
                + "operator: {type: brokenop}\nmeasurements: [1, 0, 1]\n";
        Files.writeString(spec, during);
        Run solve = riemopt("run", "--plugins", plugins.toString(), spec.toString());
        assertEquals(1, solve.status(), solve.err());
        assertOneCleanLine(solve, "spec key 'operator'", "operator plugin 'brokenop'", "brokenop.jar",
                "operator is broken");
        Files.writeString(spec, during.replace("measurements: [1, 0, 1]", "truth: {matrix: [[1, 0], [0, 0]]}"));
        Run load = riemopt("run", "--plugins", plugins.toString(), spec.toString());
        assertEquals(2, load.status(), load.err());
        assertOneCleanLine(load, "spec key 'operator'", "operator plugin 'brokenop'", "brokenop.jar",
                "operator is broken");
    }

    @Test
    void aManifoldThatFailsDuringTheSolveIsNamed() throws IOException {
        assertManifoldPluginBlamed("brokenfold", TestBundles.brokenManifoldSource("test.brokenfold", "brokenfold"),
                "retraction is broken");
    }

    @Test
    void aLiftWhoseLinearizationFailsDuringTheSolveIsNamed() throws IOException {
        assertManifoldPluginBlamed("brokenlift", TestBundles.brokenLiftSource("test.brokenlift", "brokenlift"),
                "the lift's products are broken");
    }

    /**
     * A run with trust-regions on the manifold plugin {@code name} built from {@code source} ends in one line that
     * blames the plugin (under spec key {@code manifold}, with its jar) for {@code failure}; the host goes on.
     */
    private void assertManifoldPluginBlamed(String name, String source, String failure) throws IOException {
        TestBundles.bundle(plugins, name + ".jar", "test." + name, source, "org.riemopt.spi.ManifoldProvider");
        Path spec = dir.resolve(name + ".yaml");
        Files.writeString(spec, "seed: 3\nmanifold: {type: " + name + "}\noperator:\n  type: explicit\n"
                + "  matrices: [[[1, 0], [0, 1]], [[0, 1], [1, 0]], [[1, 2], [2, 4]]]\n"
                + "truth: {matrix: [[1, 0], [0, 0]]}\ninit: {matrix: [[1], [1]]}\nsolver: {type: trust-regions}\n");
        Run r = riemopt("run", "--plugins", plugins.toString(), spec.toString());
        assertEquals(1, r.status(), r.err());
        assertOneCleanLine(r, "spec key 'manifold'", "manifold plugin '" + name + "'", name + ".jar", failure);
        assertEquals(0, run("l2").status(), "the host goes on");
    }

    @Test
    void aBundleThatCouldEndTheHostIsSkippedWithTheReason() throws IOException {
        bundle("quitter", "if (p == null) System.exit(3);", "return r * r;");
        bundle("halter", "if (p == null) Runtime.getRuntime().halt(3);", "return r * r;");
        bundle("referrer", "if (p == null) java.util.List.of(4).forEach(System::exit);", "return r * r;");
        Run listing = riemopt("plugins", "--plugins", plugins.toString());
        assertEquals(0, listing.status(), listing.err());
        for (String name : List.of("quitter.jar: it calls System.exit in test/quitter/Provider.class",
                "halter.jar: it calls Runtime.halt", "referrer.jar: it calls System.exit")) {
            assertTrue(listing.out().contains(name), name + " in " + listing.out());
        }
        Run named = run("quitter");
        assertEquals(2, named.status(), named.err());
        assertOneCleanLine(named, "spec key 'loss.type'", "skipped", "System.exit");
        assertEquals(0, run("l2").status());
    }

    private void bundle(String name, String createBody, String valueBody) throws IOException {
        TestBundles.lossBundle(plugins, name + ".jar", "test." + name,
                TestBundles.faultyLossSource("test." + name, name, "", createBody, valueBody));
    }

    private Run run(String loss, String... options) throws IOException {
        Path spec = dir.resolve("spec.yaml");
        Files.writeString(spec, Cli.smallSpec(loss));
        List<String> args = new ArrayList<>(List.of("run", "--plugins", plugins.toString()));
        args.addAll(List.of(options));
        args.add(spec.toString());
        return riemopt(args.toArray(String[]::new));
    }

    private static void assertOneCleanLine(Run r, String... parts) {
        assertEquals("", r.out());
        String err = r.err().strip();
        assertEquals(1, err.lines().count(), err);
        for (String part : parts) {
            assertTrue(err.contains(part), part + " in " + err);
        }
        assertFalse(err.contains("Exception") || err.contains("Error") || err.contains("\tat "), err);
    }

    @Test
    void failuresOfALossDuringTheSolveAreRunFailuresNamingThePlugin() throws IOException {
        for (String name : List.of("throwing", "recursing", "exhausting")) {
            Run r = run(name);
            assertEquals(1, r.status(), name + ": " + r.err());
            assertOneCleanLine(r, "spec key 'loss'", "loss plugin '" + name + "' (bundle /", name + ".jar)");
            // The host survives: the next command in this JVM works.
            Run next = run("l2");
            assertEquals(0, next.status(), next.err());
        }
        assertTrue(run("throwing").err().contains("value is broken"));
        assertTrue(run("recursing").err().contains("stack overflow"));
        assertTrue(run("exhausting").err().contains("ran out of memory"));
    }

    @Test
    void aProviderWhoseCreateOverflowsTheStackIsASpecError() throws IOException {
        Run r = run("overflowing");
        assertEquals(2, r.status(), r.err());
        assertOneCleanLine(r, "spec key 'loss'", "'overflowing'", "overflowing.jar", "stack overflow");
        assertEquals(0, run("l2").status());
    }

    @Test
    void debugShowsTheStackTrace() throws IOException {
        Run r = run("throwing", "--debug");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("IllegalStateException: value is broken") && r.err().contains("\tat "),
                r.err());
        Run s = run("overflowing", "--debug");
        assertEquals(2, s.status());
        assertTrue(s.err().contains("StackOverflowError") && s.err().contains("\tat "), s.err());
    }

    @Test
    void aSkippedPluginNamedByASpecIsReportedAsSkippedWithTheReason() throws IOException {
        Run r = run("unborn");
        assertEquals(2, r.status(), r.err());
        assertOneCleanLine(r, "spec key 'loss.type'", "skipped", "no constructor for you");
    }
}
