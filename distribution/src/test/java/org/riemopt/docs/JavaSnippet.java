package org.riemopt.docs;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * A {@code ```java} block of the documentation made into a Java source file, by the conventions of
 * {@link DocSnippetsTest}: a block that declares a type is a compilation unit as written; any other block is a
 * fragment of statements, compiled as the body of a method with {@link #FRAGMENT_IMPORTS} and the block's
 * {@code given} declarations as the method's parameters.
 *
 * @param block    the Markdown block
 * @param typeName the name of the block's public (or first) type, {@code Fragment} for a fragment
 * @param source   the Java source compiled
 * @param preamble how many lines the source has before the block's first line
 */
public record JavaSnippet(MarkdownBlock block, String typeName, String source, int preamble) {

    /** What a fragment may use unqualified: the JDK packages snippets need and every Riemopt package, on demand. */
    static final List<String> FRAGMENT_IMPORTS = List.of("java.util", "java.util.concurrent", "java.nio.file",
            "java.time",
            "org.riemopt.linalg", "org.riemopt.manifold", "org.riemopt.problem", "org.riemopt.solver",
            "org.riemopt.diagnostics", "org.riemopt.landscape", "org.riemopt.io", "org.riemopt.spec",
            "org.riemopt.spi", "org.riemopt.manifolds", "org.riemopt.plugins.losses", "org.riemopt.plugins.operators",
            "org.riemopt.plugins.regularizers", "org.riemopt.plugins.solvers", "org.riemopt.runtime");

    private static final Pattern TYPE = Pattern.compile(
            "^(public\\s+)?(?:(?:final|abstract|sealed|non-sealed)\\s+)*(?:class|interface|record|enum)\\s+(\\w+)",
            Pattern.MULTILINE);

    /** The source file of {@code block}. */
    public static JavaSnippet of(MarkdownBlock block) {
        Matcher type = TYPE.matcher(block.code());
        String name = null;
        while (type.find()) {
            if (name == null || type.group(1) != null) {
                name = type.group(2);
            }
        }
        if (name != null) {
            return new JavaSnippet(block, name, block.code(), 0);
        }
        String imports = FRAGMENT_IMPORTS.stream().map(p -> "import " + p + ".*;")
                .collect(Collectors.joining(" "));
        String header = imports + "\nclass Fragment { void run(" + (block.given() == null ? "" : block.given())
                + ") throws Exception {\n";
        return new JavaSnippet(block, "Fragment", header + block.code() + "} }\n", 2);
    }

    /** Whether the snippet is a program: it declares {@code main}. */
    public boolean isProgram() {
        return block.code().contains("public static void main(String[] args)");
    }

    /**
     * Compiles the snippet against this JVM's class path into {@code out}; returns the compiler's errors and
     * warnings, each as {@code file.md:line: message} with the line in the Markdown file, none when it compiled
     * cleanly.
     */
    public List<String> compile(Path out) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + typeName + ".java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        // -Xlint:all as the product's build: a reader copies the snippet's warnings along with it.
        List<String> options = List.of("-d", out.toString(), "-cp", System.getProperty("java.class.path"),
                "-Xlint:all", "-proc:none");
        StringWriter output = new StringWriter();
        javac.getTask(output, null, diagnostics, options, null, List.of(file)).call();
        return diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() != Diagnostic.Kind.NOTE)
                .map(d -> block.file() + ":" + (block.line() + d.getLineNumber() - 1 - preamble) + ": "
                        + d.getKind().toString().toLowerCase(Locale.ROOT) + ": " + d.getMessage(Locale.ROOT))
                .toList();
    }
}
