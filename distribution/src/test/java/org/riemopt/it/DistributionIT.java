package org.riemopt.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riemopt.docs.MarkdownBlock;
import org.riemopt.testbundles.TestBundles;

/** The packaged tar.gz, unpacked into a temporary directory and run from elsewhere with only a JRE. */
class DistributionIT {

    @TempDir
    static Path root;
    private static Path home;

    private record Run(int status, String out, String err) {
    }

    @BeforeAll
    static void unpack() throws Exception {
        Path archive = Path.of(System.getProperty("riemopt.distribution"));
        assertTrue(Files.isRegularFile(archive), "built archive " + archive);
        Process tar = new ProcessBuilder("tar", "xzf", archive.toString(), "-C", root.toString())
                .redirectErrorStream(true).start();
        assertEquals(0, tar.waitFor(), new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        try (var entries = Files.list(root)) {
            home = entries.filter(p -> p.getFileName().toString().startsWith("riemopt-")).findFirst().orElseThrow();
        }
    }

    private static Run riemopt(Path workingDirectory, String... args) throws IOException, InterruptedException {
        return riemopt(workingDirectory, Map.of(), args);
    }

    private static Run riemopt(Path workingDirectory, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/riemopt").toString());
        command.addAll(List.of(args));
        return run(workingDirectory, environment, command);
    }

    /** Runs {@code command} with this JVM's Java and no {@code RIEMOPT_PLUGINS} from the caller's environment. */
    private static Run run(Path workingDirectory, Map<String, String> environment, List<String> command)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(workingDirectory.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().remove("RIEMOPT_PLUGINS");
        pb.environment().putAll(environment);
        Path out = Files.createTempFile(root, "out", ".txt");
        Path err = Files.createTempFile(root, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "riemopt finished");
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void layoutHoldsLauncherLibrariesBundlesExamplesAndDocs() {
        for (String part : List.of("bin/riemopt", "lib", "bundles", "plugins", "examples/gaussian-sensing.yaml",
                "docs/spec.md", "README.md")) {
            assertTrue(Files.exists(home.resolve(part)), part);
        }
        assertTrue(Files.isExecutable(home.resolve("bin/riemopt")));
    }

    @Test
    void itsReadmeIsTheInstalledUsersAndItsLinksResolveInTheFolder() throws IOException {
        String readme = Files.readString(home.resolve("README.md"));
        assertTrue(readme.contains("bin/riemopt run examples/gaussian-sensing.yaml"), readme);
        Matcher link = Pattern.compile("\\]\\(([^)#:]+)(#[^)]*)?\\)").matcher(readme);
        int links = 0;
        for (; link.find(); links++) {
            assertTrue(Files.exists(home.resolve(link.group(1))), "README links to " + link.group(1));
        }
        assertTrue(links > 0, "README links to the docs");
    }

    @Test
    void everyCommandTheReadmeShowsWorksFromTheUnpackedFolder() throws Exception {
        List<String> commands = new ArrayList<>();
        for (MarkdownBlock block : MarkdownBlock.in(home.resolve("README.md"))) {
            if (block.language().equals("sh")) {
                block.code().lines().filter(l -> !l.isBlank()).forEach(commands::add);
            }
        }
        assertTrue(commands.size() >= 5, "commands in README.md: " + commands);
        for (String command : commands) {
            // As the user types it: a shell in the unpacked folder, environment assignments and comments included.
            Run r = run(home, Map.of(), List.of("bash", "-c", command));
            assertEquals(0, r.status(), command + "\n" + r.err());
            assertTrue(!r.out().isEmpty() && !r.err().contains("riemopt: "),
                    command + " prints its result, and no error or warning:\n" + r.err());
        }
    }

    @Test
    void completesA20000By20000MatrixInA4GBHeap() throws Exception {
        // A dense 20000 x 20000 matrix alone would take 3.2 GB of the 4: the run must stay factored and sparse.
        Run r = riemopt(root, Map.of("RIEMOPT_JAVA_OPTS", "-Xmx4g"), "run", "--json",
                home.resolve("examples/completion-large.yaml").toString());
        assertEquals(0, r.status(), r.err());
        for (String key : List.of("relativeError", "heldOutRelativeRms")) {
            Matcher m = Pattern.compile("\"" + key + "\":([-0-9.eE]+)").matcher(r.out());
            assertTrue(m.find(), key + " in " + r.out());
            assertTrue(Double.parseDouble(m.group(1)) < 1e-6, r.out());
        }
    }

    @Test
    void runsTheDemoFromAnotherDirectory() throws Exception {
        Path elsewhere = Files.createDirectories(root.resolve("elsewhere"));
        Run r = riemopt(elsewhere, "run", "--json", home.resolve("examples/gaussian-sensing.yaml").toString());
        assertEquals(0, r.status(), r.err());
        Matcher m = Pattern.compile("\"relativeError\":([-0-9.eE]+)").matcher(r.out());
        assertTrue(m.find(), r.out());
        assertTrue(Double.parseDouble(m.group(1)) < 1e-6, r.out());
    }

    @Test
    void builtInPluginsComeFromBundlesAndDroppedJarsAreUsed() throws Exception {
        Run listing = riemopt(root, "plugins", "--json");
        assertEquals(0, listing.status(), listing.err());
        assertTrue(listing.out().contains("\"name\":\"trust-regions\",\"family\":\"solver\""), listing.out());
        assertTrue(listing.out().contains("\"source\":\"bundle\""), listing.out());
        assertTrue(listing.out().contains("\"skipped\":[]"), listing.out());

        TestBundles.lossBundle(home.resolve("plugins"), "quartic.jar", "test.quartic",
                TestBundles.lossSource("test.quartic", "quartic", null, null));
        Run withPlugin = riemopt(root, "plugins", "--json");
        assertTrue(withPlugin.out().contains("\"name\":\"quartic\""), withPlugin.out());
        Files.delete(home.resolve("plugins/quartic.jar"));
    }

    @Test
    void theCustomLossJarDroppedIntoAPluginsDirectoryIsUsedBySpecs() throws Exception {
        Path jar = Path.of(System.getProperty("riemopt.customLoss"));
        assertTrue(Files.isRegularFile(jar), "examples/custom-loss was built: " + jar);
        Path plugins = Files.createDirectories(root.resolve("my-plugins"));
        Files.copy(jar, plugins.resolve(jar.getFileName()));
        Path spec = Path.of("..", "examples", "custom-loss", "cauchy-sensing.yaml").toAbsolutePath();

        Run without = riemopt(root, "run", "--json", spec.toString());
        assertEquals(2, without.status());
        assertTrue(without.err().contains("unknown loss 'cauchy'"), without.err());

        Run listing = riemopt(root, "plugins", "--json", "--plugins", plugins.toString());
        assertTrue(listing.out().contains("\"name\":\"cauchy\",\"family\":\"loss\""), listing.out());
        assertTrue(listing.out().contains("\"name\":\"c\",\"type\":\"number\",\"required\":false,"
                + "\"default\":1.0"), listing.out());

        Run r = riemopt(root, "run", "--json", "--plugins", plugins.toString(), spec.toString());
        assertEquals(0, r.status(), r.err());
        Matcher m = Pattern.compile("\"relativeError\":([-0-9.eE]+)").matcher(r.out());
        assertTrue(m.find(), r.out());
        assertTrue(Double.parseDouble(m.group(1)) < 1e-6, r.out());
    }

    @Test
    void versionAndHelp() throws Exception {
        Run version = riemopt(root, "--version");
        assertEquals(0, version.status(), version.err());
        assertTrue(version.out().startsWith("riemopt 0."), version.out());
        Run help = riemopt(root, "help", "run");
        assertEquals(0, help.status(), help.err());
        assertTrue(help.out().contains("--trace"), help.out());
    }
}
