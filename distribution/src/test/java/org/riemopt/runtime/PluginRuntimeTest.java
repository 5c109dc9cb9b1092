package org.riemopt.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riemopt.spi.Family;
import org.riemopt.spi.PluginProblem;
import org.riemopt.spi.PluginRegistry;
import org.riemopt.testbundles.TestBundles;

class PluginRuntimeTest {

    @TempDir
    Path root;

    private Path plugins() throws IOException {
        return Files.createDirectories(root.resolve("plugins"));
    }

    @Test
    void bundleProvidersJoinTheClassPathOnes() throws IOException {
        Path dir = plugins();
        TestBundles.lossBundle(dir, "quadratic.jar", "test.quadratic",
                TestBundles.lossSource("test.quadratic", "quadratic", null, null));
        try (PluginRuntime runtime = PluginRuntime.start(List.of(dir))) {
            PluginRegistry registry = runtime.registry();
            assertEquals(List.of("high-order", "huber", "l1", "l2", "lq", "quadratic"), registry.names(Family.LOSS));
            PluginRegistry.Entry quadratic = registry.entries().stream()
                    .filter(e -> e.provider().name().equals("quadratic")).findFirst().orElseThrow();
            assertEquals("bundle", quadratic.source());
            assertEquals(List.of(), registry.problems());
        }
    }

    @Test
    void thePluginOnBothClassPathAndBundleIsRegisteredOnce() throws IOException {
        Path dir = plugins();
        Path lossesJar;
        try (var jars = Files.list(Path.of("..", "plugins", "losses", "target"))) {
            lossesJar = jars.filter(p -> p.getFileName().toString().matches("riemopt-losses-.*\\.jar")
                    && !p.getFileName().toString().contains("tests")).findFirst().orElseThrow();
        }
        Files.copy(lossesJar, dir.resolve("losses.jar"));
        try (PluginRuntime runtime = PluginRuntime.start(List.of(dir))) {
            PluginRegistry registry = runtime.registry();
            assertEquals(List.of("high-order", "huber", "l1", "l2", "lq"), registry.names(Family.LOSS));
            assertEquals(List.of(), registry.problems(), "the same class twice is not a clash");
        }
    }

    @Test
    void brokenJarsAndThrowingProvidersAreReportedAndSkipped() throws IOException {
        Path dir = plugins();
        TestBundles.brokenBundle(dir, "broken.jar");
        TestBundles.unresolvableBundle(dir, "unresolvable.jar");
        TestBundles.lossBundle(dir, "throws.jar", "test.throwing",
                TestBundles.lossSource("test.throwing", "throwing", "boom in constructor", null));
        TestBundles.lossBundle(dir, "good.jar", "test.good", TestBundles.lossSource("test.good", "good", null, null));
        try (PluginRuntime runtime = PluginRuntime.start(List.of(dir))) {
            PluginRegistry registry = runtime.registry();
            assertEquals(List.of("good", "high-order", "huber", "l1", "l2", "lq"), registry.names(Family.LOSS));
            List<PluginProblem> problems = registry.problems();
            assertEquals(3, problems.size(), problems.toString());
            assertTrue(problems.stream().anyMatch(p -> p.what().equals("unresolvable.jar")
                    && p.reason().contains("com.example.nowhere")), problems.toString());
            assertTrue(problems.stream().anyMatch(p -> p.what().equals("broken.jar")
                    && p.reason().startsWith("not a usable bundle")), problems.toString());
            assertTrue(problems.stream().anyMatch(p -> p.what().contains("test.throwing.Provider")
                    && p.reason().contains("boom in constructor")), problems.toString());
        }
    }

    @Test
    void anEarlierDirectoryWinsANameClashWhateverTheFileNames() throws IOException {
        Path builtIns = Files.createDirectories(root.resolve("bundles"));
        Path user = Files.createDirectories(root.resolve("user"));
        TestBundles.lossBundle(builtIns, "z-builtin.jar", "test.builtin",
                TestBundles.lossSource("test.builtin", "robust", null, null));
        TestBundles.lossBundle(user, "a-user.jar", "test.user", TestBundles.lossSource("test.user", "robust", null, null));
        try (PluginRuntime runtime = PluginRuntime.start(List.of(builtIns, user))) {
            PluginRegistry registry = runtime.registry();
            assertEquals("test.builtin.Provider", registry.find(Family.LOSS, org.riemopt.spi.LossProvider.class,
                    "robust").getClass().getName());
            assertEquals(1, registry.problems().size(), registry.problems().toString());
            assertTrue(registry.problems().get(0).reason().contains("name clash"), registry.problems().toString());
        }
    }

    @Test
    void aWatchingRuntimePicksUpAddedAndRemovedJars() throws Exception {
        Path dir = plugins();
        try (PluginRuntime runtime = PluginRuntime.watching(List.of(dir), Duration.ofMillis(100))) {
            assertFalse(runtime.registry().names(Family.LOSS).contains("late"));
            Path jar = TestBundles.lossBundle(dir, "late.jar", "test.late",
                    TestBundles.lossSource("test.late", "late", null, null));
            awaitTrue(() -> runtime.registry().names(Family.LOSS).contains("late"), "the dropped jar appears");
            // Replaced by a build whose provider has another name: the old one goes, the new one comes.
            TestBundles.lossBundle(dir, "late.jar", "test.later",
                    TestBundles.lossSource("test.later", "later", null, null));
            awaitTrue(() -> runtime.registry().names(Family.LOSS).contains("later")
                    && !runtime.registry().names(Family.LOSS).contains("late"), "the updated jar replaces the old");
            Files.delete(jar);
            awaitTrue(() -> !runtime.registry().names(Family.LOSS).contains("later"), "the removed jar disappears");
        }
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " within 10 s");
            }
            Thread.sleep(50);
        }
    }
}
