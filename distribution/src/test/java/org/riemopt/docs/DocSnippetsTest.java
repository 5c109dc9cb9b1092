package org.riemopt.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.manifolds.FixedRankPoint;
import org.riemopt.solver.Result;

/**
 * Every {@code ```java} block of {@code README.md} and {@code docs/*.md} compiles, with
 * no warning under {@code -Xlint:all}, against the class path an embedder has (framework, manifolds, the built-in
 * plugins, the distribution's {@code PluginRuntime}); the complete programs among them run and their output is
 * checked. The conventions for a block:
 * <ul>
 *   <li>A block that declares a type (class, interface, record, enum) is a compilation unit and compiles exactly
 *       as written, imports included, as a reader copies it.</li>
 *   <li>Any other block is a fragment of statements, compiled as the body of a method with the on-demand imports
 *       of {@link JavaSnippet#FRAGMENT_IMPORTS} (the JDK's {@code java.util}, {@code java.util.concurrent},
 *       {@code java.nio.file}, {@code java.time} and every Riemopt package). The variables it uses without declaring them are the
 *       method's parameters, written in an HTML comment on the line just before the fence (invisible on a
 *       rendered page): {@code <!-- given: Solver solver, DenseMatrix start -->}.</li>
 *   <li>Code not meant to compile (pseudo-code, an excerpt) is not fenced as {@code java}: use a block without a
 *       language.</li>
 *   <li>A block with {@code public static void main(String[] args)} is a program: it needs an entry in
 *       {@link #CHECKS}, which runs it and checks what it prints. A block whose results matter may have one too.</li>
 * </ul>
 */
class DocSnippetsTest {

    private static final Path ROOT = Path.of("..");

    /** What running a compiled snippet must give; {@code classes} is the folder it was compiled into. */
    private interface Check {
        void run(Path classes) throws Exception;
    }

    private static final Map<String, Check> CHECKS = Map.of(
            "SolveSpec", DocSnippetsTest::solveSpecSolvesTheDemo,
            "EmbeddingExample", DocSnippetsTest::embeddingExampleRecoversTheMatrix,
            "WeightedApproximationExample", DocSnippetsTest::bothSolversReachTheExactApproximation);

    @TempDir
    static Path work;

    static List<JavaSnippet> snippets() throws IOException {
        List<Path> files = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        List<JavaSnippet> snippets = new ArrayList<>();
        for (Path file : files) {
            for (MarkdownBlock block : MarkdownBlock.in(file)) {
                if (block.language().equals("java")) {
                    snippets.add(JavaSnippet.of(block));
                }
            }
        }
        return snippets;
    }

    @TestFactory
    Stream<DynamicTest> everyJavaBlockCompilesAndEveryProgramRuns() throws IOException {
        return snippets().stream().map(s -> DynamicTest.dynamicTest(s.block().where() + " " + s.typeName(), () -> {
            Path classes = Files.createTempDirectory(work, s.typeName());
            List<String> problems = s.compile(classes);
            assertTrue(problems.isEmpty(), String.join("\n", problems));
            Check check = CHECKS.get(s.typeName());
            if (check != null) {
                check.run(classes);
            }
        }));
    }

    @Test
    void theSnippetsAreFoundAndEveryProgramHasACheck() throws IOException {
        List<JavaSnippet> snippets = snippets();
        Set<String> names = Set.copyOf(snippets.stream().map(JavaSnippet::typeName).toList());
        assertTrue(names.containsAll(CHECKS.keySet()), "a checked snippet is gone: " + names);
        assertTrue(snippets.stream().anyMatch(s -> s.typeName().equals("Fragment") && s.block().given() != null),
                "a fragment with given variables");
        for (JavaSnippet s : snippets) {
            assertTrue(!s.isProgram() || CHECKS.containsKey(s.typeName()),
                    s.block().where() + ": the program " + s.typeName() + " needs a check in DocSnippetsTest.CHECKS");
        }
    }

    @Test
    void aBrokenSnippetIsReportedAtItsLineInTheMarkdownFile() throws IOException {
        MarkdownBlock unit = new MarkdownBlock(Path.of("guide.md"), 40, "java", null,
                "import java.util.List;\n\npublic class Broken {\n    List<String> names = List.of(1);\n}\n");
        List<String> unitProblems = JavaSnippet.of(unit).compile(Files.createTempDirectory(work, "broken"));
        assertFalse(unitProblems.isEmpty());
        assertTrue(unitProblems.get(0).startsWith("guide.md:43: error: "), unitProblems.toString());

        MarkdownBlock fragment = new MarkdownBlock(Path.of("guide.md"), 12, "java", "DenseMatrix x",
                "double n = x.normF();\nint wrong = x;\n");
        List<String> fragmentProblems = JavaSnippet.of(fragment).compile(Files.createTempDirectory(work, "broken"));
        assertEquals(1, fragmentProblems.size(), fragmentProblems.toString());
        assertTrue(fragmentProblems.get(0).startsWith("guide.md:13: error: "), fragmentProblems.toString());
    }

    @Test
    void aFragmentWithoutItsGivenVariablesDoesNotCompile() throws IOException {
        MarkdownBlock fragment = new MarkdownBlock(Path.of("guide.md"), 5, "java", null, "double n = x.normF();\n");
        List<String> problems = JavaSnippet.of(fragment).compile(Files.createTempDirectory(work, "fragment"));
        assertTrue(problems.size() == 1 && problems.get(0).startsWith("guide.md:5: error: cannot find symbol"),
                problems.toString());
    }

    /** README's spec program, run as a user runs it, in its own JVM, on the demo spec. */
    private static void solveSpecSolvesTheDemo(Path classes) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String classPath = classes + System.getProperty("path.separator") + System.getProperty("java.class.path");
        Process p = new ProcessBuilder(java.toString(), "-cp", classPath, "SolveSpec",
                ROOT.resolve("examples/gaussian-sensing.yaml").toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), out);
        Matcher m = Pattern.compile("trust-regions: costTolerance after \\d+ iterations, cost (\\S+), "
                + "relative error (\\S+)\n").matcher(out);
        assertTrue(m.matches(), out);
        assertTrue(Double.parseDouble(m.group(1)) < 1e-9, out);
        assertTrue(Double.parseDouble(m.group(2)) < 1e-6, out);
    }

    private static void embeddingExampleRecoversTheMatrix(Path classes) throws Exception {
        @SuppressWarnings("unchecked")
        Result<DenseMatrix> r = (Result<DenseMatrix>) call(classes, "EmbeddingExample", "recover");
        assertEquals("gradientTolerance", r.stopReason().criterion());
        assertTrue(r.cost() < 1e-12, "cost " + r.cost());
    }

    private static void bothSolversReachTheExactApproximation(Path classes) throws Exception {
        // C has rank 3, so the minimum is 0 at X = C, whatever the weights.
        @SuppressWarnings("unchecked")
        List<Result<FixedRankPoint>> results = (List<Result<FixedRankPoint>>) call(classes,
                "WeightedApproximationExample", "solve");
        assertEquals("gradientTolerance", results.get(0).stopReason().criterion(), "trust-regions");
        assertTrue(results.get(0).cost() < 1e-12, "trust-regions cost " + results.get(0).cost());
        assertTrue(results.get(1).cost() < 1e-3 * results.get(1).trace().get(0).cost(),
                "gradient-descent lowers the cost: " + results.get(1).cost());
    }

    /** Calls the public static method {@code method()} of the snippet class {@code className}. */
    private static Object call(Path classes, String className, String method) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                DocSnippetsTest.class.getClassLoader())) {
            return loader.loadClass(className).getMethod(method).invoke(null);
        }
    }
}
