package org.riemopt.spec;

import static org.riemopt.spec.SpecValues.guarded;
import static org.riemopt.spec.SpecValues.mapping;
import static org.riemopt.spec.SpecValues.number;
import static org.riemopt.spec.SpecValues.require;
import static org.riemopt.spec.SpecValues.string;
import static org.riemopt.spec.SpecValues.vector;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.riemopt.linalg.AmbientMatrix;
import org.riemopt.manifold.SearchSpace;
import org.riemopt.problem.Lift;
import org.riemopt.problem.Loss;
import org.riemopt.problem.MeasurementOperator;
import org.riemopt.problem.Problem;
import org.riemopt.problem.Regularizer;
import org.riemopt.problem.WeightedLossSum;
import org.riemopt.solver.Solver;
import org.riemopt.spi.Family;
import org.riemopt.spi.LossProvider;
import org.riemopt.spi.ManifoldProvider;
import org.riemopt.spi.MemoryBudget;
import org.riemopt.spi.OperatorProvider;
import org.riemopt.spi.ParameterType;
import org.riemopt.spi.Parameters;
import org.riemopt.spi.PluginRegistry;
import org.riemopt.spi.RegularizerProvider;
import org.riemopt.spi.SolverProvider;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Reads a problem spec (YAML; JSON is accepted as the YAML subset it is) and resolves it through a
 * {@link PluginRegistry}. Files named in the spec ({@code {file: path}}) are resolved against the spec's folder. The
 * keys are documented in {@code docs/spec.md}.
 */
public final class SpecLoader {

    private static final Set<String> TOP_LEVEL_KEYS = Set.of("description", "seed", "manifold", "lift", "operator",
            "truth", "noise", "measurements", "loss", "regularizers", "init", "solver", "certify", "success", "solvers");
    private static final String DEFAULT_LOSS = "l2";

    /**
     * The largest spec file read: 64 MiB. Specs describe problems; their data belongs in {@code .npy} or
     * MatrixMarket files, which are read at file speed.
     */
    public static final int MAX_SPEC_BYTES = 64 << 20;
    private static final String DEFAULT_SOLVER = "trust-regions";

    private final PluginRegistry registry;

    /** A loader that resolves names in {@code registry}. */
    public SpecLoader(PluginRegistry registry) {
        this.registry = registry;
    }

    /** Reads and resolves the spec file at {@code path}; relative data paths resolve against its folder. */
    public Instance<?, ?> load(Path path) {
        return resolve(readDocument(path), path.toAbsolutePath().getParent());
    }

    /**
     * The parsed document of the spec file at {@code path}: its top-level mapping (of mappings, lists and scalars as
     * the YAML or JSON reader gives them), for tools that rewrite specs before resolving them
     * ({@link #resolve(Object, Path)}).
     *
     * @throws SpecException naming the file (and the line and column of a syntax error) if it cannot be read, is not
     *                       UTF-8 YAML or JSON, is empty or is not a mapping
     */
    public static Map<?, ?> readDocument(Path path) {
        return document(read(path), "spec file " + path);
    }

    /**
     * Resolves a parsed spec document (as {@link #readDocument} returns it, possibly modified); relative data paths
     * resolve against {@code baseDirectory}.
     */
    public Instance<?, ?> resolve(Object document, Path baseDirectory) {
        return resolve(mapping("", document), baseDirectory);
    }

    /**
     * The spec file's text, refusing a file above {@link #MAX_SPEC_BYTES} after reading at most that much (so a
     * device such as {@code /dev/zero} is refused at once, not read forever; a regular file is refused from its size,
     * without reading), and a text the heap cannot hold ({@link MemoryBudget}): reading keeps the bytes, the buffer
     * they grow from and then the decoded text, about three times the size.
     */
    private static String read(Path path) {
        if (Files.isDirectory(path)) {
            throw new SpecException("", "spec file " + path + " is a directory; give a spec file (YAML or JSON)");
        }
        try {
            long known = Files.isRegularFile(path) ? Files.size(path) : 0;
            if (known > MAX_SPEC_BYTES) {
                throw tooLarge(path);
            }
            try (InputStream in = Files.newInputStream(path)) {
                byte[] buffer = new byte[0];
                int length = 0;
                while (true) {
                    if (length == buffer.length) {
                        // One byte beyond the file's size shows that it ended (or grew); a device grows the buffer.
                        int grown = (int) Math.min(Math.max(known + 1, 2L * length + 8192), MAX_SPEC_BYTES + 1L);
                        SpecValues.requireMemory("", "reading the spec file " + path + " needs about three times its "
                                + "size (" + grown + " bytes so far)", 3.0 * grown, grown);
                        buffer = Arrays.copyOf(buffer, grown);
                    }
                    int n = in.read(buffer, length, buffer.length - length);
                    if (n < 0) {
                        return utf8(buffer, length, path);
                    }
                    length += n;
                    if (length > MAX_SPEC_BYTES) {
                        throw tooLarge(path);
                    }
                }
            }
        } catch (NoSuchFileException e) {
            throw new SpecException("", "cannot read spec file " + path + ": no such file");
        } catch (IOException e) {
            throw new SpecException("", "cannot read spec file " + path + ": " + e.getMessage());
        }
    }

    private static SpecException tooLarge(Path path) {
        return new SpecException("", "spec file " + path + " is larger than " + (MAX_SPEC_BYTES >> 20) + " MiB; "
                + "large data belongs in .npy or MatrixMarket files ({file: path}, see docs/spec.md)");
    }

    /**
     * The bytes decoded as UTF-8, refusing malformed input (binary data, another encoding such as UTF-16 or
     * Latin-1) at its line and column rather than reading replacement characters into names and numbers.
     */
    private static String utf8(byte[] bytes, int length, Path path) {
        String text = new String(bytes, 0, length, StandardCharsets.UTF_8);
        // malformed input decodes to U+FFFD; only then is the strict decoder run, to find where (or to find that
        // the file holds that character itself)
        if (text.indexOf('\uFFFD') < 0) {
            return text;
        }
        CharBuffer decoded = CharBuffer.allocate(length);
        CoderResult result = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, 0, length), decoded, true);
        if (result.isError()) {
            decoded.flip();
            throw new SpecException("", "spec file " + path + " is not UTF-8 text: a byte that is not UTF-8 at "
                    + TextPosition.at(decoded.toString(), decoded.length()) + " (a spec is YAML or JSON text)");
        }
        return text;
    }

    /** Resolves the spec given as YAML or JSON text; relative data paths resolve against the working directory. */
    public Instance<?, ?> parse(String text) {
        return parse(text, Path.of("").toAbsolutePath());
    }

    /**
     * Resolves the spec given as YAML or JSON text; relative data paths resolve against {@code baseDirectory}. A
     * document that starts with <code>{</code> is read as JSON (strict, and linear in its size); anything else as
     * YAML.
     */
    public Instance<?, ?> parse(String text, Path baseDirectory) {
        return resolve(document(text, "the spec"), baseDirectory);
    }

    /**
     * The parsed document: JSON by the fast strict reader, YAML by {@link YamlReader}; it must be a
     * mapping. {@code source} names the text in errors ("spec file PATH").
     */
    private static Map<?, ?> document(String text, String source) {
        Object document = text.stripLeading().startsWith("{") ? JsonReader.read(text, source) : yaml(text, source);
        if (document == null) {
            throw new SpecException("", source + " is empty: a spec is a mapping with at least the keys 'manifold' "
                    + "and 'operator' (see docs/spec.md)");
        }
        if (!(document instanceof Map<?, ?> mapping)) {
            throw new SpecException("", source + ": expected a mapping of spec keys (manifold, operator, ...) at the "
                    + "top level, got " + Parameters.brief(document));
        }
        return mapping;
    }

    /** The YAML document; a parser error is one line naming the source, and the line and column it gives. */
    private static Object yaml(String text, String source) {
        try {
            return YamlReader.read(text, MAX_SPEC_BYTES);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String where = mark == null ? "" : " at " + new TextPosition(mark.getLine() + 1, mark.getColumn() + 1);
            String context = e.getContext() == null ? "" : " (" + oneLine(e.getContext()) + ")";
            throw new SpecException("", source + ": not valid YAML" + where + ": " + oneLine(e.getProblem())
                    + context);
        } catch (ReaderException e) {
            throw new SpecException("", source + ": not valid YAML at "
                    + TextPosition.at(text, text.offsetByCodePoints(0, e.getPosition()))
                    + ": the character " + String.format("U+%04X", e.getCodePoint())
                    + " is not allowed in YAML (a control character or binary data)");
        } catch (YAMLException e) {
            throw new SpecException("", source + ": not valid YAML: " + oneLine(e.getMessage()));
        }
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\n\\s*", " ");
    }

    private Instance<?, ?> resolve(Map<String, Object> spec, Path base) {
        for (String key : spec.keySet()) {
            if (!TOP_LEVEL_KEYS.contains(key)) {
                throw new SpecException(key, "unknown key; allowed: " + String.join(", ", TOP_LEVEL_KEYS.stream()
                        .sorted().toList()));
            }
        }
        long seed = seed(spec.get("seed"));
        Map<String, Object> manifoldSpec = mapping("manifold", require(spec, "manifold", ""));
        PluginRegistry.Entry manifoldEntry = entry(Family.MANIFOLD, "manifold", manifoldSpec);
        ManifoldProvider manifolds = (ManifoldProvider) manifoldEntry.provider();
        Parameters manifoldParameters = parameters(manifoldEntry, "manifold", manifoldSpec, base);
        SearchSpace<?, ?> space = Guards.space(guarded("manifold", manifoldEntry,
                () -> manifolds.create(manifoldParameters)), new Guards.Maker(manifoldEntry, "manifold"));
        return build(seed, space, spec, base);
    }

    private <P, T> Instance<P, T> build(long seed, SearchSpace<P, T> space, Map<String, Object> spec, Path base) {
        Lift<P, T> lift = lift(space, spec.get("lift"));

        Map<String, Object> operatorSpec = mapping("operator", require(spec, "operator", ""));
        PluginRegistry.Entry operatorEntry = entry(Family.OPERATOR, "operator", operatorSpec);
        OperatorProvider operators = (OperatorProvider) operatorEntry.provider();
        Parameters operatorParameters = parameters(operatorEntry, "operator", operatorSpec, base);
        OperatorProvider.Context context = new OperatorProvider.Context(lift.rows(), lift.cols(),
                RandomStreams.OPERATOR.forSeed(seed));
        MeasurementOperator operator = Guards.operator(guarded("operator", operatorEntry,
                () -> operators.create(operatorParameters, context)), new Guards.Maker(operatorEntry, "operator"));

        AmbientMatrix truth = spec.containsKey("truth")
                ? TruthSpec.read(mapping("truth", spec.get("truth")), lift, operator, seed, base) : null;
        double[] b = measurements(spec, operator, truth, seed, base);

        Loss loss = loss(spec.get("loss"), base);
        List<Regularizer<P, T>> regularizers = regularizers(space, spec.get("regularizers"), base);
        Problem<P, T> problem = guarded("operator", () -> new Problem<>(space.manifold(), lift, operator, b, loss,
                regularizers));
        P start = InitSpec.read(space, operator, truth, spec.get("init"), seed, base);
        requireRunMemory(space, operator, start);
        Solver solver = solver(spec.get("solver"), seed, base);
        Map<String, Object> certify = spec.containsKey("certify") ? Map.copyOf(mapping("certify", spec.get("certify")))
                : Map.of();
        return new Instance<>(seed, space, problem, start, solver, truth, certify);
    }

    /**
     * Refuses a run whose working memory does not fit beside what the spec built: the manifold's provider counted the
     * points a run keeps on an empty heap; now the operator, the truth, {@code b} and the start are in it, and the
     * operator's Jacobian cache at a point and the other points of the run ({@link MemoryBudget#POINTS_PER_RUN} less
     * the start) must fit in what is left.
     */
    private static <P> void requireRunMemory(SearchSpace<P, ?> space, MeasurementOperator operator, P start) {
        double jacobian = guarded("operator", () -> operator.jacobianNumbers(space.searchRank()));
        SpecValues.requireMemory("operator", "the operator's Jacobian cache at a point needs " + (long) jacobian
                + " numbers of 8 bytes (for a dense operator m·(n₁ + n₂)·r, or m·n·r for XXᵀ on a symmetric one)",
                8 * jacobian, 0);
        double numbers = guarded("manifold", () -> space.pointArrays(start)).values().stream()
                .mapToDouble(a -> (double) a.rows() * a.cols()).sum();
        int more = MemoryBudget.POINTS_PER_RUN - 1;
        SpecValues.requireMemory("manifold", "a run keeps about " + more + " points and tangent vectors besides the "
                + "start, of " + (long) numbers + " numbers each, beside the Jacobian cache of " + (long) jacobian
                + ": 8·(" + more + "·" + (long) numbers + " + " + (long) jacobian + ") bytes",
                8 * (more * numbers + jacobian), 0);
    }

    /**
     * The vector {@code b}: the spec's {@code measurements}, or the values the operator carries (observed entries),
     * or {@code A(M*)} plus noise. With given measurements a truth only measures the error.
     */
    private static double[] measurements(Map<String, Object> spec, MeasurementOperator operator, AmbientMatrix truth,
                                         long seed, Path base) {
        Object given = spec.get("measurements");
        Optional<double[]> own = operator.ownMeasurements();
        if (given != null && own.isPresent()) {
            throw new SpecException("measurements", "the operator already carries its measured values (its entries "
                    + "or file); remove 'measurements'");
        }
        if (given != null || own.isPresent()) {
            if (spec.containsKey("noise")) {
                throw new SpecException("noise", "noise is added to measurements of 'truth'; measurements given in "
                        + "the spec or carried by the operator are used as they are");
            }
            return given != null ? vector("measurements", given, operator.size(), base) : own.get();
        }
        if (truth == null) {
            throw new SpecException("truth", "give 'truth' (the matrix to recover), 'measurements' (the vector b), "
                    + "or both; or use an operator that carries its own values");
        }
        SpecValues.requireDoubles("operator", "the measurements b = A(M*) need 8·m", operator.size());
        double[] b = guarded("operator", () -> operator.apply(truth));
        NoiseSpec.add(spec.get("noise"), b, seed);
        return b;
    }

    /**
     * The value of a spec's {@code seed:} key as the seed of its random streams: 0 when absent.
     *
     * @throws SpecException at key {@code seed} if it is not an integer
     */
    public static long seed(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        throw new SpecException("seed", "expected an integer, got " + Parameters.brief(value));
    }

    private static <P, T> Lift<P, T> lift(SearchSpace<P, T> space, Object value) {
        String name = value == null ? space.defaultLift() : string("lift", value);
        Lift<P, T> lift = space.lifts().get(name);
        if (lift == null) {
            throw new SpecException("lift", "'" + name + "' is not a lift of " + space.manifold().name()
                    + "; allowed: " + String.join(", ", space.lifts().keySet()));
        }
        return lift;
    }

    /** A name, a {@code {type: ..., weight: ...}} mapping, or a list of them: the weighted sum of those terms. */
    private Loss loss(Object value, Path base) {
        List<WeightedLossSum.Term> terms = new ArrayList<>();
        if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                throw new SpecException("loss", "expected at least one term, got an empty list");
            }
            for (int i = 0; i < list.size(); i++) {
                terms.add(lossTerm("loss[" + i + "]", list.get(i), base));
            }
        } else {
            terms.add(lossTerm("loss", value == null ? DEFAULT_LOSS : value, base));
        }
        return WeightedLossSum.of(terms);
    }

    /** One loss term; {@code weight} is read here, not by the provider, so that every loss plugin has it. */
    private WeightedLossSum.Term lossTerm(String key, Object value, Path base) {
        Map<String, Object> spec = new LinkedHashMap<>(value instanceof String s ? Map.of("type", s)
                : mapping(key, value));
        Object weight = spec.remove("weight");
        double w = weight == null ? 1 : number(key + ".weight", weight);
        PluginRegistry.Entry entry = entry(Family.LOSS, key, spec);
        LossProvider p = (LossProvider) entry.provider();
        Parameters parameters = parameters(entry, key, spec, base);
        Loss loss = Guards.loss(guarded(key, entry, () -> p.create(parameters)), new Guards.Maker(entry, key));
        return guarded(key + ".weight", () -> new WeightedLossSum.Term(w, loss));
    }

    private <P, T> List<Regularizer<P, T>> regularizers(SearchSpace<P, T> space, Object value, Path base) {
        List<Regularizer<P, T>> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        if (!(value instanceof List<?> list)) {
            throw new SpecException("regularizers", "expected a list of {type: ...} mappings, got "
                    + Parameters.brief(value));
        }
        for (int i = 0; i < list.size(); i++) {
            String key = "regularizers[" + i + "]";
            Map<String, Object> spec = mapping(key, list.get(i));
            PluginRegistry.Entry entry = entry(Family.REGULARIZER, key, spec);
            RegularizerProvider p = (RegularizerProvider) entry.provider();
            Parameters parameters = parameters(entry, key, spec, base);
            out.add(Guards.regularizer(guarded(key, entry, () -> p.create(parameters, space)),
                    new Guards.Maker(entry, key)));
        }
        return out;
    }

    /**
     * The solver. A randomized solver's {@code seed} option defaults to the spec's seed (folded to 32 bits), so that
     * one spec seed makes the whole run reproducible and trials with different spec seeds differ in the solver's
     * draws too.
     */
    private Solver solver(Object value, long seed, Path base) {
        Map<String, Object> spec = value == null ? Map.of("type", DEFAULT_SOLVER) : mapping("solver", value);
        PluginRegistry.Entry entry = entry(Family.SOLVER, "solver", spec);
        SolverProvider p = (SolverProvider) entry.provider();
        boolean seeded = entry.parameters().stream().anyMatch(s -> s.name().equals("seed")
                && s.type() == ParameterType.INTEGER);
        if (seeded && !spec.containsKey("seed")) {
            spec = new LinkedHashMap<>(spec);
            spec.put("seed", (int) (seed ^ (seed >>> 32)));
        }
        Parameters parameters = parameters(entry, "solver", spec, base);
        return Guards.solver(guarded("solver", entry, () -> p.create(parameters)), new Guards.Maker(entry, "solver"));
    }

    private PluginRegistry.Entry entry(Family family, String key, Map<String, Object> spec) {
        String name = string(key + ".type", require(spec, "type", key));
        try {
            return registry.entry(family, name);
        } catch (IllegalArgumentException e) {
            throw new SpecException(key + ".type", e.getMessage());
        }
    }

    private static Parameters parameters(PluginRegistry.Entry entry, String key, Map<String, Object> spec,
                                         Path base) {
        Map<String, Object> raw = new LinkedHashMap<>(spec);
        raw.remove("type");
        return guarded(key, () -> Parameters.of(entry.parameters(), raw, base));
    }
}
