package org.riemopt.testbundles;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Builds small plugin jars for the tests: compiled with the JDK's compiler against the test class path. */
public final class TestBundles {

    private TestBundles() {
    }

    /** A loss provider named {@code name} whose loss is {@code ½ scale·r²}; {@code failure} is thrown if set. */
    public static String lossSource(String pkg, String name, String constructorFailure, String createFailure) {
        return "package " + pkg + ";\n"
                + "import java.util.List;\n"
                + "import org.riemopt.problem.Loss;\n"
                + "import org.riemopt.spi.*;\n"
                + "public final class Provider implements LossProvider {\n"
                + "  public Provider() {" + (constructorFailure == null ? "" : " throw new IllegalStateException(\""
                + constructorFailure + "\");") + " }\n"
                + "  public String name() { return \"" + name + "\"; }\n"
                + "  public String description() { return \"test loss\"; }\n"
                + "  public List<ParameterSpec> parameters() { return List.of(); }\n"
                + "  public Loss create(Parameters p) {\n"
                + (createFailure == null ? "" : "    if (true) throw new IllegalStateException(\"" + createFailure
                + "\");\n")
                + "    return new Loss() {\n"
                + "      public String name() { return \"" + name + "\"; }\n"
                + "      public double value(double r) { return 0.5 * r * r; }\n"
                + "      public double derivative(double r) { return r; }\n"
                + "      public double secondDerivative(double r) { return 1; }\n"
                + "    };\n"
                + "  }\n"
                + "}\n";
    }

    /**
     * A loss provider named {@code name} whose constructor runs {@code constructorBody}, whose {@code create} runs
     * {@code createBody} first and whose loss's {@code value(r)} is {@code valueBody} (a Java statement ending in a
     * return or throw); a static method {@code deep(int)} recursing without end is there for all three to call.
     */
    public static String faultyLossSource(String pkg, String name, String constructorBody, String createBody,
                                          String valueBody) {
        return "package " + pkg + ";\n"
                + "import java.util.List;\n"
                + "import org.riemopt.problem.Loss;\n"
                + "import org.riemopt.spi.*;\n"
                + "public final class Provider implements LossProvider {\n"
                + "  static int deep(int n) { return deep(n + 1) + 1; }\n"
                + "  public Provider() { " + constructorBody + " }\n"
                + "  public String name() { return \"" + name + "\"; }\n"
                + "  public String description() { return \"test loss\"; }\n"
                + "  public List<ParameterSpec> parameters() { return List.of(); }\n"
                + "  public Loss create(Parameters p) {\n"
                + "    " + createBody + "\n"
                + "    return new Loss() {\n"
                + "      public String name() { return \"" + name + "\"; }\n"
                + "      public double value(double r) { " + valueBody + " }\n"
                + "      public double derivative(double r) { return r; }\n"
                + "      public double secondDerivative(double r) { return 1; }\n"
                + "    };\n"
                + "  }\n"
                + "}\n";
    }

    /** Compiles {@code source} (class {@code pkg.Provider}) and writes a bundle jar listing it as a loss. */
    public static Path lossBundle(Path dir, String jarName, String pkg, String source) throws IOException {
        return bundle(dir, jarName, pkg, source, "org.riemopt.spi.LossProvider");
    }

    /**
     * An operator provider named {@code name} for 2x2 matrices with three measurements, whose every computation
     * throws {@code IllegalStateException("operator is broken")}.
     */
    public static String brokenOperatorSource(String pkg, String name) {
        String fail = " { throw new IllegalStateException(\"operator is broken\"); }\n";
        return "package " + pkg + ";\n"
                + "import java.util.List;\n"
                + "import org.riemopt.linalg.*;\n"
                + "import org.riemopt.problem.*;\n"
                + "import org.riemopt.spi.*;\n"
                + "public final class Provider implements OperatorProvider {\n"
                + "  public String name() { return \"" + name + "\"; }\n"
                + "  public String description() { return \"test operator\"; }\n"
                + "  public List<ParameterSpec> parameters() { return List.of(); }\n"
                + "  public MeasurementOperator create(Parameters p, Context c) {\n"
                + "    return new MeasurementOperator() {\n"
                + "      public int size() { return 3; }\n"
                + "      public int rows() { return 2; }\n"
                + "      public int cols() { return 2; }\n"
                + "      public long dataBytes() { return 0; }\n"
                + "      public double[] apply(AmbientMatrix x)" + fail
                + "      public AmbientMatrix adjoint(double[] w)" + fail
                + "      public FactorJacobian linearize(DenseMatrix u, DenseMatrix v, DenseMatrix q, "
                + "ResidualWeight w)" + fail
                + "      public MeasurementOperator select(int[] m)" + fail
                + "    };\n"
                + "  }\n"
                + "}\n";
    }

    /**
     * Source of a manifold provider named {@code name}: Euclidean 2 x 1 factors lifted by {@code XXᵀ}, through a
     * manifold of the plugin's own (a proxy of the host's {@code Euclidean}) whose {@code retract} throws
     * {@code IllegalStateException("retraction is broken")}.
     */
    public static String brokenManifoldSource(String pkg, String name) {
        return manifoldSource(pkg, name,
                "    Euclidean e = new Euclidean(2, 1);\n"
                + "    Manifold<DenseMatrix, DenseMatrix> m = (Manifold<DenseMatrix, DenseMatrix>) Proxy.newProxyInstance(\n"
                + "        Provider.class.getClassLoader(), new Class<?>[] {Manifold.class}, (proxy, method, args) -> {\n"
                + "          if (method.getName().equals(\"retract\")) {\n"
                + "            throw new IllegalStateException(\"retraction is broken\");\n"
                + "          }\n"
                + "          return forward(e, method, args);\n"
                + "        });\n"
                + "    Lift<DenseMatrix, DenseMatrix> lift = new XxtLift(2, 1);\n");
    }

    /**
     * Source of a manifold provider named {@code name} on the 2 x 1 Euclidean space whose {@code xxt} lift (a proxy
     * of the host's) hands out linearizations that fail in every Hessian product ({@code push}, {@code gaussNewton})
     * with {@code IllegalStateException("the lift's products are broken")}.
     */
    public static String brokenLiftSource(String pkg, String name) {
        return manifoldSource(pkg, name,
                "    Manifold<DenseMatrix, DenseMatrix> m = new Euclidean(2, 1);\n"
                + "    XxtLift real = new XxtLift(2, 1);\n"
                + "    Lift<DenseMatrix, DenseMatrix> lift = (Lift<DenseMatrix, DenseMatrix>) Proxy.newProxyInstance(\n"
                + "        Provider.class.getClassLoader(), new Class<?>[] {Lift.class}, (proxy, method, args) -> {\n"
                + "          Object result = forward(real, method, args);\n"
                + "          if (!method.getName().equals(\"linearize\")) { return result; }\n"
                + "          return Proxy.newProxyInstance(Provider.class.getClassLoader(), new Class<?>[] {Linearization.class},\n"
                + "              (q, k, a) -> {\n"
                + "                if (k.getName().equals(\"push\") || k.getName().equals(\"gaussNewton\")) {\n"
                + "                  throw new IllegalStateException(\"the lift's products are broken\");\n"
                + "                }\n"
                + "                return forward(result, k, a);\n"
                + "              });\n"
                + "        });\n");
    }

    /**
     * A manifold provider named {@code name} whose search space is the manifold {@code m} with the single lift
     * {@code lift} ({@code xxt}), both declared by {@code parts}; {@code forward} calls a method on another object.
     */
    private static String manifoldSource(String pkg, String name, String parts) {
        return "package " + pkg + ";\n"
                + "import java.lang.reflect.*;\n"
                + "import java.util.*;\n"
                + "import org.riemopt.linalg.DenseMatrix;\n"
                + "import org.riemopt.manifold.*;\n"
                + "import org.riemopt.manifolds.*;\n"
                + "import org.riemopt.problem.*;\n"
                + "import org.riemopt.spi.*;\n"
                + "public final class Provider implements ManifoldProvider {\n"
                + "  public String name() { return \"" + name + "\"; }\n"
                + "  public String description() { return \"test manifold\"; }\n"
                + "  public List<ParameterSpec> parameters() { return List.of(); }\n"
                + "  static Object forward(Object target, Method method, Object[] args) throws Throwable {\n"
                + "    try { return method.invoke(target, args); } catch (InvocationTargetException x) { throw x.getCause(); }\n"
                + "  }\n"
                + "  @SuppressWarnings(\"unchecked\")\n"
                + "  public SearchSpace<?, ?> create(Parameters p) {\n"
                + parts
                + "    Map<String, Lift<DenseMatrix, DenseMatrix>> lifts = Map.of(\"xxt\", lift);\n"
                + "    return new BasicSearchSpace<DenseMatrix, DenseMatrix>(m, lifts, \"xxt\", 1) {\n"
                + "      public DenseMatrix pointFromMatrix(DenseMatrix x) { return x; }\n"
                + "      public Map<String, DenseMatrix> pointArrays(DenseMatrix x) { return Map.of(\"matrix\", x); }\n"
                + "    };\n"
                + "  }\n"
                + "}\n";
    }

    /** Compiles {@code source} (class {@code pkg.Provider}) and writes a bundle jar listing it as {@code service}. */
    public static Path bundle(Path dir, String jarName, String pkg, String source, String service)
            throws IOException {
        Path work = Files.createTempDirectory(dir.getParent(), "src");
        Path file = work.resolve("Provider.java");
        Files.writeString(file, source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-d", work.toString(), "-cp",
                System.getProperty("java.class.path"), file.toString());
        if (status != 0) {
            throw new IllegalStateException("test plugin did not compile");
        }
        Manifest manifest = new Manifest();
        Attributes a = manifest.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "test." + pkg);
        a.putValue("Bundle-Version", "1.0.0");
        StringBuilder imports = new StringBuilder("org.riemopt.problem;version=\"[0.1,1)\",org.riemopt.spi;version=\"[0.1,1)\"");
        for (String optional : List.of("org.riemopt.linalg", "org.riemopt.manifold", "org.riemopt.manifolds")) {
            if (source.contains(optional + ".")) {
                imports.append(',').append(optional).append(";version=\"[0.1,1)\"");
            }
        }
        a.putValue("Import-Package", imports.toString());
        String classPath = pkg.replace('.', '/') + "/";
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (Stream<Path> classes = Files.walk(work)) {
            for (Path c : classes.filter(p -> p.toString().endsWith(".class")).toList()) {
                entries.put(classPath + c.getFileName(), Files.readAllBytes(c));
            }
        }
        entries.put("META-INF/services/" + service, (pkg + ".Provider\n").getBytes());
        return writeJar(dir.resolve(jarName), manifest, entries);
    }

    /** A jar whose manifest claims to be a bundle but has no symbolic name: Felix refuses to install it. */
    public static Path brokenBundle(Path dir, String jarName) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Bundle-ManifestVersion", "2");
        return writeJar(dir.resolve(jarName), manifest, Map.of());
    }

    /** A valid bundle that imports a package nobody exports: it installs but cannot resolve. */
    public static Path unresolvableBundle(Path dir, String jarName) throws IOException {
        Manifest manifest = new Manifest();
        Attributes a = manifest.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "test.unresolvable");
        a.putValue("Import-Package", "com.example.nowhere");
        return writeJar(dir.resolve(jarName), manifest, Map.of());
    }

    public static Path writeJar(Path target, Manifest manifest, Map<String, byte[]> entries) throws IOException {
        Path temp = Files.createTempFile(target.getParent().getParent(), "jar", ".tmp");
        try (OutputStream out = Files.newOutputStream(temp); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(e.getKey()));
                jar.write(e.getValue());
                jar.closeEntry();
            }
        }
        // Appear whole, as a user's copy into the directory would once finished.
        return Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

}
