package org.riemopt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.riemopt.cli.Cli.riemopt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.riemopt.cli.Cli.Run;
import org.riemopt.testbundles.TestBundles;

/**
 * The hostile-input corpus of {@code src/test/resources/bad} (its README says how a case is written), and plugin jars
 * built here that throw, exit, overflow the stack or run out of memory: every case through every command it lists,
 * in this JVM. Each must end with the expected exit status and one clear line on stderr (a usage error adds the
 * {@code riemopt: see 'riemopt COMMAND --help'} hint), nothing on stdout, no stack trace or Java class name, no file
 * left behind (in the case's folder, or in {@code java.io.tmpdir}: the embedded Felix's storage), and a host that
 * still runs a good spec afterwards.
 */
class HostileInputsTest {

    private static final Path CORPUS = Path.of("src", "test", "resources", "bad");
    /** The corpus's data files, copied beside every case; not cases themselves. */
    private static final String DATA = "data";
    private static final String SIDECAR = ".expect";
    private static final Pattern HINT = Pattern.compile("riemopt: see 'riemopt ([a-z]+ )*--help'");
    private static final List<String> JAVA_WORDS = List.of("Exception", "Error", "java.", "org.riemopt.", "\tat ");

    /**
     * What a command needs besides the spec, given when a case has no options of its own: few repeats and trials
     * (a bad spec must fail before any work, and fast), and an output folder that must not be left behind.
     */
    private static final Map<String, List<String>> COMMAND_OPTIONS = Map.of(
            "bench", List.of("--repeat", "1"),
            "compare", List.of("--trials", "1", "--out", "{dir}/out"),
            "sweep", List.of("--param", "description=a,b", "--trials", "1", "--out", "{dir}/out"),
            "slice", List.of("--grid", "3", "--out", "{dir}/out"));

    @TempDir
    Path dir;

    /** One case of the corpus: what its header lines expect. */
    record Case(String name, int exit, String stderr, List<String> commands, List<String> options) {

        private static final Set<String> KEYS = Set.of("expect-exit", "expect-stderr", "commands", "options");

        /**
         * The header of {@code source}: its leading {@code # key: value} comment lines, from its first 64 KiB (a case
         * may be endless, such as a link to a device).
         */
        static Case read(String name, Path source) throws IOException {
            Map<String, String> header = new LinkedHashMap<>();
            String head;
            try (InputStream in = Files.newInputStream(source)) {
                // UTF-8, leniently: a binary case decodes to replacement characters, and has no header anyway
                head = new String(in.readNBytes(1 << 16), StandardCharsets.UTF_8);
            }
            for (String line : head.lines().toList()) {
                if (!line.startsWith("# ") || !line.contains(":")) {
                    break;
                }
                String key = line.substring(2, line.indexOf(':')).strip();
                if (!KEYS.contains(key)) {
                    break;
                }
                header.put(key, line.substring(line.indexOf(':') + 1).strip());
            }
            for (String key : List.of("expect-exit", "expect-stderr", "commands")) {
                if (!header.containsKey(key)) {
                    throw new AssertionError(source + ": no '# " + key + ": ' header line; see " + CORPUS
                            + "/README.md");
                }
            }
            String options = header.getOrDefault("options", "");
            return new Case(name, Integer.parseInt(header.get("expect-exit")), header.get("expect-stderr"),
                    words(header.get("commands")), words(options));
        }

        private static List<String> words(String text) {
            return text.isBlank() ? List.of() : List.of(text.strip().split("\\s+"));
        }
    }

    @TestFactory
    Stream<DynamicNode> everyCaseOfTheCorpusThroughEveryCommandItLists() throws IOException {
        Path good = Files.writeString(Files.createDirectory(dir.resolve("good")).resolve("good.yaml"),
                Cli.smallSpec("l2"));
        List<DynamicNode> nodes = new ArrayList<>();
        for (String name : caseNames()) {
            Path sidecar = CORPUS.resolve(name + SIDECAR);
            Case c = Case.read(name, Files.exists(sidecar) ? sidecar : CORPUS.resolve(name));
            nodes.add(DynamicContainer.dynamicContainer(name, c.commands().stream().map(command ->
                    DynamicTest.dynamicTest(command, () -> runCase(c, command, good)))));
        }
        assertTrue(nodes.size() >= 60, "the corpus has " + nodes.size() + " cases");
        return nodes.stream();
    }

    /**
     * Every entry of the corpus but its data folder, README and sidecars: a file whose header gives its
     * expectations, or one with a sidecar {@code NAME.expect} (a sidecar without its file is a missing spec).
     */
    private static List<String> caseNames() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> entries = Files.list(CORPUS)) {
            for (Path p : entries.toList()) {
                String name = p.getFileName().toString();
                if (name.equals(DATA) || name.equals("README.md")) {
                    continue;
                }
                names.add(name.endsWith(SIDECAR) ? name.substring(0, name.length() - SIDECAR.length()) : name);
            }
        }
        return List.copyOf(names);
    }

    private void runCase(Case c, String command, Path good) throws IOException {
        Path work = Files.createDirectory(dir.resolve(c.name() + "." + command));
        copy(CORPUS.resolve(DATA), work.resolve(DATA));
        if (Files.exists(CORPUS.resolve(c.name()), LinkOption.NOFOLLOW_LINKS)) {
            copy(CORPUS.resolve(c.name()), work.resolve(c.name()));
        }
        Path spec = work.resolve(c.name());
        List<String> args = new ArrayList<>(List.of(command));
        for (String option : c.options()) {
            args.add(option.replace("{spec}", spec.toString()).replace("{dir}", work.toString()));
        }
        if (c.options().isEmpty()) {
            args.addAll(COMMAND_OPTIONS.getOrDefault(command, List.of()).stream()
                    .map(option -> option.replace("{dir}", work.toString())).toList());
        }
        args.add(spec.toString());
        Run r = runLeavingNothingBehind(work, args);
        // a usage error (a bad option) adds the hint line; a spec error or a failed run does not
        assertFails(r, c.exit(), c.stderr(), !c.options().isEmpty() && c.exit() == Riemopt.USAGE_ERROR);
        assertHostSurvives(List.of("run", good.toString()));
    }

    /**
     * A plugin jar built by the test: a loss provider whose constructor, {@code create} or loss value runs the given
     * Java code, and the words the message must give for it.
     */
    private record PluginCase(String name, String constructor, String create, String value, String reason) {
    }

    private static final String THROW = "if (Math.abs(-1) == 1) throw new IllegalStateException(\"it is broken\");";
    private static final String EXIT = "if (Math.abs(-1) == 1) System.exit(3);";
    private static final String OVERFLOW = "deep(0);";
    // a real OutOfMemoryError from the JVM, which refuses the array at once (it is larger than any heap can hold)
    private static final String EXHAUST = "long[] hog = new long[Integer.MAX_VALUE]; hog[0] = 1;";
    private static final String SQUARE = "return 0.5 * r * r;";
    private static final String BROKEN = "it is broken";
    private static final String EXITS = "System.exit";
    private static final String OVERFLOWS = "stack overflow";
    private static final String EXHAUSTS = "ran out of memory";

    /** Each failure in each place; {@code value} fails on the first residual it is given. */
    private static final List<PluginCase> PLUGINS = List.of(
            new PluginCase("throwsinconstructor", THROW, "", SQUARE, BROKEN),
            new PluginCase("exitsinconstructor", EXIT, "", SQUARE, EXITS),
            new PluginCase("overflowsinconstructor", OVERFLOW, "", SQUARE, OVERFLOWS),
            new PluginCase("exhaustsinconstructor", EXHAUST, "", SQUARE, EXHAUSTS),
            new PluginCase("throwsincreate", "", THROW, SQUARE, BROKEN),
            new PluginCase("exitsincreate", "", EXIT, SQUARE, EXITS),
            new PluginCase("overflowsincreate", "", OVERFLOW, SQUARE, OVERFLOWS),
            new PluginCase("exhaustsincreate", "", EXHAUST, SQUARE, EXHAUSTS),
            new PluginCase("misreadsincreate", "", "Integer.parseInt(\"1,5\");", SQUARE, "'1,5' is not a number"),
            new PluginCase("throwsinvalue", "", "", THROW + " return r;", BROKEN),
            new PluginCase("exitsinvalue", "", "", EXIT + " return r;", EXITS),
            new PluginCase("overflowsinvalue", "", "", "return deep(0);", OVERFLOWS),
            new PluginCase("exhaustsinvalue", "", "", EXHAUST + " return r;", EXHAUSTS),
            new PluginCase("dereferencesnullinvalue", "", "", "String s = r > 1e300 ? \"\" : null; return s.length();",
                    "a value was missing (a null reference)"));

    @TestFactory
    Stream<DynamicNode> pluginsThatFailInEveryWayThroughEveryCommand() throws IOException {
        List<DynamicNode> nodes = new ArrayList<>();
        for (PluginCase p : PLUGINS) {
            Path folder = Files.createDirectory(dir.resolve(p.name()));
            Path plugins = Files.createDirectory(folder.resolve("plugins"));
            TestBundles.lossBundle(plugins, p.name() + ".jar", "test." + p.name(), TestBundles.faultyLossSource(
                    "test." + p.name(), p.name(), p.constructor(), p.create(), p.value()));
            Path spec = Files.writeString(folder.resolve("spec.yaml"), Cli.smallSpec(p.name()));
            Path good = Files.writeString(folder.resolve("good.yaml"), Cli.smallSpec("l2"));
            List<DynamicNode> commands = new ArrayList<>();
            for (String command : List.of("run", "check", "bench")) {
                commands.add(DynamicTest.dynamicTest(command, () -> {
                    List<String> args = new ArrayList<>(List.of(command, "--plugins", plugins.toString()));
                    if (command.equals("bench")) {
                        args.addAll(List.of("--repeat", "1"));
                    }
                    args.add(spec.toString());
                    Run r = runLeavingNothingBehind(folder, args);
                    assertFails(r, expectedExit(p), "spec key 'loss", false);
                    assertTrue(r.err().contains(p.reason()), p.reason() + " in " + r.err());
                    assertTrue(r.err().contains(p.name()), p.name() + " in " + r.err());
                    assertHostSurvives(List.of("run", "--plugins", plugins.toString(), good.toString()));
                }));
            }
            commands.add(DynamicTest.dynamicTest("plugins", () -> {
                Run r = runLeavingNothingBehind(folder, List.of("plugins", "--plugins", plugins.toString()));
                assertEquals(0, r.status(), r.err());
                assertEquals("", r.err());
                String line = r.out().lines().filter(l -> l.contains(p.name())).findFirst().orElse("");
                assertTrue(skippedAtLoad(p) ? line.contains(p.name() + ".jar") && line.contains(p.reason())
                        : line.strip().startsWith(p.name() + " "), p.name() + " in " + r.out());
                assertHostSurvives(List.of("run", "--plugins", plugins.toString(), good.toString()));
            }));
            nodes.add(DynamicContainer.dynamicContainer(p.name(), commands));
        }
        return nodes.stream();
    }

    /** Skipped when loaded: a constructor that fails, or a call of System.exit anywhere in the jar. */
    private static boolean skippedAtLoad(PluginCase p) {
        return !p.constructor().isEmpty() || p.reason().equals(EXITS);
    }

    /** 2 when the plugin fails while the spec is loaded (or was skipped), 1 when it fails during the solve. */
    private static int expectedExit(PluginCase p) {
        return skippedAtLoad(p) || !p.create().isEmpty() ? 2 : 1;
    }

    /**
     * Runs the command line in this JVM and checks that it left no file behind: in {@code folder} (the case's
     * own) and in {@code java.io.tmpdir} (where the embedded Felix keeps its storage while it runs).
     */
    private static Run runLeavingNothingBehind(Path folder, List<String> args) throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Set<String> before = tree(folder);
        Set<String> tmpBefore = entries(tmp);
        Run r = riemopt(args.toArray(String[]::new));
        assertEquals(before, tree(folder), "files in the case's folder after " + args);
        assertEquals(tmpBefore, entries(tmp), "entries of " + tmp + " after " + args);
        return r;
    }

    /**
     * The status, and one line on stderr naming the problem ({@code hint}: and the usage hint after it), nothing on
     * stdout, no stack trace or Java name.
     */
    private static void assertFails(Run r, int exit, String expected, boolean hint) {
        List<String> lines = r.err().lines().toList();
        String summary = "exit " + r.status() + ", stderr:\n" + r.err() + "stdout:\n" + r.out();
        assertEquals(exit, r.status(), summary);
        assertEquals("", r.out(), summary);
        assertEquals(hint ? 2 : 1, lines.size(), summary);
        String message = lines.get(0);
        assertTrue(message.startsWith("riemopt: ") && message.contains(expected),
                "'" + expected + "' in " + summary);
        if (hint) {
            assertTrue(HINT.matcher(lines.get(1)).matches(), summary);
        }
        for (String word : JAVA_WORDS) {
            assertFalse(r.err().contains(word), "'" + word + "' in " + summary);
        }
    }

    private static void assertHostSurvives(List<String> goodRun) {
        Run r = riemopt(goodRun.toArray(String[]::new));
        assertEquals(0, r.status(), "a good run after the case: " + r.err());
    }

    private static Set<String> tree(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.map(p -> folder.relativize(p).toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Set<String> entries(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                // a link is copied as a link: a case may be a link to a device such as /dev/zero
                Files.copy(p, to.resolve(from.relativize(p).toString()), LinkOption.NOFOLLOW_LINKS);
            }
        }
    }
}
