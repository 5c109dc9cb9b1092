package org.riemopt.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

import org.riemopt.linalg.AmbientMatrix;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.linalg.LowRankMatrix;
import org.riemopt.manifold.SearchSpace;
import org.riemopt.problem.Lift;
import org.riemopt.problem.Loss;
import org.riemopt.problem.MeasurementOperator;
import org.riemopt.problem.Problem;
import org.riemopt.problem.Regularizer;
import org.riemopt.solver.Solver;
import org.riemopt.spi.Family;
import org.riemopt.spi.LossProvider;
import org.riemopt.spi.ManifoldProvider;
import org.riemopt.spi.OperatorProvider;
import org.riemopt.spi.Parameters;
import org.riemopt.spi.PluginRegistry;
import org.riemopt.spi.Provider;
import org.riemopt.spi.RegularizerProvider;
import org.riemopt.spi.SolverProvider;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a problem spec (YAML; JSON is accepted as the YAML subset it is) and resolves it through a
 * {@link PluginRegistry}. The keys are documented in {@code docs/spec.md}.
 */
public final class SpecLoader {

    private static final Set<String> TOP_LEVEL_KEYS = Set.of("description", "seed", "manifold", "lift", "operator",
            "truth", "noise", "measurements", "loss", "regularizers", "init", "solver");
    private static final String DEFAULT_LOSS = "l2";
    private static final String DEFAULT_SOLVER = "trust-regions";

    private final PluginRegistry registry;

    /** A loader that resolves names in {@code registry}. */
    public SpecLoader(PluginRegistry registry) {
        this.registry = registry;
    }

    /** Reads and resolves the spec file at {@code path}. */
    public Instance<?, ?> load(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new SpecException("", "cannot read spec file " + path + ": no such file");
        } catch (IOException e) {
            throw new SpecException("", "cannot read spec file " + path + ": " + e);
        }
        return parse(text);
    }

    /** Resolves the spec given as YAML or JSON text. */
    public Instance<?, ?> parse(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setCodePointLimit(256 * 1024 * 1024);
        Object document;
        try {
            document = new Yaml(new SafeConstructor(options)).load(text);
        } catch (YAMLException e) {
            throw new SpecException("", "not valid YAML or JSON: " + e.getMessage());
        }
        return resolve(mapping("", document));
    }

    private Instance<?, ?> resolve(Map<String, Object> spec) {
        for (String key : spec.keySet()) {
            if (!TOP_LEVEL_KEYS.contains(key)) {
                throw new SpecException(key, "unknown key; allowed: " + String.join(", ", TOP_LEVEL_KEYS.stream()
                        .sorted().toList()));
            }
        }
        long seed = seed(spec.get("seed"));
        Map<String, Object> manifoldSpec = mapping("manifold", require(spec, "manifold"));
        ManifoldProvider manifolds = provider(Family.MANIFOLD, ManifoldProvider.class, "manifold", manifoldSpec);
        SearchSpace<?, ?> space = guarded("manifold", () -> manifolds.create(parameters(manifolds, "manifold",
                manifoldSpec)));
        return build(seed, space, spec);
    }

    private <P, T> Instance<P, T> build(long seed, SearchSpace<P, T> space, Map<String, Object> spec) {
        Lift<P, T> lift = lift(space, spec.get("lift"));

        Map<String, Object> operatorSpec = mapping("operator", require(spec, "operator"));
        OperatorProvider operators = provider(Family.OPERATOR, OperatorProvider.class, "operator", operatorSpec);
        Parameters operatorParameters = parameters(operators, "operator", operatorSpec);
        OperatorProvider.Context context = new OperatorProvider.Context(lift.rows(), lift.cols(),
                RandomStreams.OPERATOR.forSeed(seed));
        MeasurementOperator operator = guarded("operator", () -> operators.create(operatorParameters, context));

        AmbientMatrix truth = null;
        double[] b;
        if (spec.containsKey("truth") == spec.containsKey("measurements")) {
            throw new SpecException("truth", "give exactly one of 'truth' (the matrix to recover) and "
                    + "'measurements' (the vector b)");
        }
        if (spec.containsKey("truth")) {
            truth = truth(mapping("truth", spec.get("truth")), lift, seed);
            AmbientMatrix measured = truth;
            b = guarded("operator", () -> operator.apply(measured));
            addNoise(spec.get("noise"), b, seed);
        } else {
            if (spec.containsKey("noise")) {
                throw new SpecException("noise", "noise is added to measurements of 'truth'; with explicit "
                        + "'measurements' it has no meaning");
            }
            b = vector("measurements", spec.get("measurements"), operator.size());
        }

        Loss loss = loss(spec.get("loss"));
        List<Regularizer<P, T>> regularizers = regularizers(space, spec.get("regularizers"));
        Problem<P, T> problem = guarded("operator", () -> new Problem<>(space.manifold(), lift, operator, b, loss,
                regularizers));
        P start = start(space, spec.get("init"), seed);
        Solver solver = solver(spec.get("solver"));
        return new Instance<>(seed, space, problem, start, solver, truth);
    }

    private static long seed(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        throw new SpecException("seed", "expected an integer, got " + value);
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

    private static AmbientMatrix truth(Map<String, Object> spec, Lift<?, ?> lift, long seed) {
        AmbientMatrix truth;
        if (spec.containsKey("matrix")) {
            onlyKeys("truth", spec, Set.of("matrix"));
            truth = matrix("truth.matrix", spec.get("matrix"));
        } else {
            String type = string("truth.type", require(spec, "type", "truth"));
            onlyKeys("truth", spec, Set.of("type", "rank"));
            int rank = positiveInteger("truth.rank", require(spec, "rank", "truth"));
            if (rank > Math.min(lift.rows(), lift.cols())) {
                throw new SpecException("truth.rank", rank + " exceeds the size " + lift.rows() + "x" + lift.cols()
                        + " of the lifted matrix");
            }
            RandomGenerator random = RandomStreams.TRUTH.forSeed(seed);
            switch (type) {
                case "random-psd" -> {
                    if (lift.rows() != lift.cols()) {
                        throw new SpecException("truth.type", "random-psd needs square matrices, the lift gives "
                                + lift.rows() + "x" + lift.cols() + "; allowed: random");
                    }
                    DenseMatrix z = DenseMatrix.gaussian(lift.rows(), rank, random);
                    truth = new LowRankMatrix(z, z);
                }
                case "random" -> truth = new LowRankMatrix(DenseMatrix.gaussian(lift.rows(), rank, random),
                        DenseMatrix.gaussian(lift.cols(), rank, random));
                default -> throw new SpecException("truth.type", "unknown type '" + type
                        + "'; allowed: random, random-psd (or give 'matrix')");
            }
        }
        if (truth.rows() != lift.rows() || truth.cols() != lift.cols()) {
            throw new SpecException("truth.matrix", "is " + truth.rows() + "x" + truth.cols() + " but the lift "
                    + "produces " + lift.rows() + "x" + lift.cols() + " matrices");
        }
        return truth;
    }

    private static void addNoise(Object value, double[] b, long seed) {
        if (value == null) {
            return;
        }
        Map<String, Object> spec = mapping("noise", value);
        String type = string("noise.type", require(spec, "type", "noise"));
        if (!type.equals("gaussian")) {
            throw new SpecException("noise.type", "unknown type '" + type + "'; allowed: gaussian");
        }
        onlyKeys("noise", spec, Set.of("type", "sigma"));
        double sigma = number("noise.sigma", require(spec, "sigma", "noise"));
        if (sigma < 0) {
            throw new SpecException("noise.sigma", "got " + sigma + "; must be >= 0");
        }
        RandomGenerator random = RandomStreams.NOISE.forSeed(seed);
        for (int i = 0; i < b.length; i++) {
            b[i] += sigma * random.nextGaussian();
        }
    }

    private Loss loss(Object value) {
        Map<String, Object> spec = value == null ? Map.of("type", DEFAULT_LOSS)
                : value instanceof String s ? Map.of("type", s) : mapping("loss", value);
        LossProvider p = provider(Family.LOSS, LossProvider.class, "loss", spec);
        Parameters parameters = parameters(p, "loss", spec);
        return guarded("loss", () -> p.create(parameters));
    }

    private <P, T> List<Regularizer<P, T>> regularizers(SearchSpace<P, T> space, Object value) {
        List<Regularizer<P, T>> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        if (!(value instanceof List<?> list)) {
            throw new SpecException("regularizers", "expected a list of {type: ...} mappings, got " + value);
        }
        for (int i = 0; i < list.size(); i++) {
            String key = "regularizers[" + i + "]";
            Map<String, Object> spec = mapping(key, list.get(i));
            RegularizerProvider p = provider(Family.REGULARIZER, RegularizerProvider.class, key, spec);
            Parameters parameters = parameters(p, key, spec);
            out.add(guarded(key, () -> p.create(parameters, space)));
        }
        return out;
    }

    private static <P, T> P start(SearchSpace<P, T> space, Object value, long seed) {
        Map<String, Object> spec = value == null ? Map.of("type", "random") : mapping("init", value);
        if (spec.containsKey("matrix")) {
            onlyKeys("init", spec, Set.of("matrix"));
            DenseMatrix m = matrix("init.matrix", spec.get("matrix"));
            return guarded("init.matrix", () -> space.pointFromMatrix(m));
        }
        String type = string("init.type", require(spec, "type", "init"));
        onlyKeys("init", spec, Set.of("type"));
        if (!type.equals("random")) {
            throw new SpecException("init.type", "unknown type '" + type + "'; allowed: random (or give 'matrix')");
        }
        return guarded("manifold", () -> space.manifold().random(RandomStreams.INIT.forSeed(seed)));
    }

    private Solver solver(Object value) {
        Map<String, Object> spec = value == null ? Map.of("type", DEFAULT_SOLVER) : mapping("solver", value);
        SolverProvider p = provider(Family.SOLVER, SolverProvider.class, "solver", spec);
        Parameters parameters = parameters(p, "solver", spec);
        return guarded("solver", () -> p.create(parameters));
    }

    private <P extends Provider> P provider(Family family, Class<P> type, String key, Map<String, Object> spec) {
        String name = string(key + ".type", require(spec, "type", key));
        try {
            return registry.find(family, type, name);
        } catch (IllegalArgumentException e) {
            throw new SpecException(key + ".type", e.getMessage());
        }
    }

    private static Parameters parameters(Provider provider, String key, Map<String, Object> spec) {
        Map<String, Object> raw = new LinkedHashMap<>(spec);
        raw.remove("type");
        return guarded(key, () -> Parameters.of(provider.parameters(), raw));
    }

    /**
     * Runs plugin or construction code, turning its argument errors into spec errors at {@code key}; any other
     * failure of a plugin is reported the same way, so that a faulty plugin cannot take the host down.
     */
    private static <R> R guarded(String key, Supplier<R> action) {
        R result;
        try {
            result = action.get();
        } catch (IllegalArgumentException e) {
            throw new SpecException(key, e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            throw new SpecException(key, "the plugin failed: " + e);
        }
        if (result == null) {
            throw new SpecException(key, "the plugin returned nothing");
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapping(String key, Object value) {
        if (!(value instanceof Map)) {
            throw new SpecException(key, "expected a mapping of keys to values, got "
                    + (value == null ? "nothing" : value.getClass().getSimpleName().toLowerCase()));
        }
        Map<Object, Object> raw = (Map<Object, Object>) value;
        for (Object k : raw.keySet()) {
            if (!(k instanceof String)) {
                throw new SpecException(key, "keys must be strings, got " + k);
            }
        }
        return (Map<String, Object>) value;
    }

    private static Object require(Map<String, Object> spec, String key) {
        Object v = spec.get(key);
        if (v == null) {
            throw new SpecException(key, "missing");
        }
        return v;
    }

    private static Object require(Map<String, Object> spec, String key, String parent) {
        Object v = spec.get(key);
        if (v == null) {
            throw new SpecException(parent + "." + key, "missing");
        }
        return v;
    }

    private static void onlyKeys(String key, Map<String, Object> spec, Set<String> allowed) {
        for (String k : spec.keySet()) {
            if (!allowed.contains(k)) {
                throw new SpecException(key + "." + k, "unknown key; allowed here: " + String.join(", ",
                        allowed.stream().sorted().toList()));
            }
        }
    }

    private static String string(String key, Object value) {
        if (!(value instanceof String s)) {
            throw new SpecException(key, "expected a name, got " + value);
        }
        return s;
    }

    private static double number(String key, Object value) {
        if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
            throw new SpecException(key, "expected a finite number, got " + value);
        }
        return n.doubleValue();
    }

    private static int positiveInteger(String key, Object value) {
        if (!(value instanceof Integer i) || i < 1) {
            throw new SpecException(key, "expected a positive integer, got " + value);
        }
        return i;
    }

    private static DenseMatrix matrix(String key, Object value) {
        try {
            return Parameters.matrix(key, value);
        } catch (IllegalArgumentException e) {
            throw new SpecException(key, e.getMessage());
        }
    }

    private static double[] vector(String key, Object value, int expected) {
        if (!(value instanceof List<?> list)) {
            throw new SpecException(key, "expected a list of " + expected + " numbers, got " + value);
        }
        if (list.size() != expected) {
            throw new SpecException(key, "has " + list.size() + " values but the operator takes " + expected
                    + " measurements");
        }
        double[] out = new double[expected];
        for (int i = 0; i < expected; i++) {
            if (!(list.get(i) instanceof Number n) || !Double.isFinite(n.doubleValue())) {
                throw new SpecException(key, "value " + i + " is " + list.get(i) + "; only finite numbers are allowed");
            }
            out[i] = ((Number) list.get(i)).doubleValue();
        }
        return out;
    }
}
