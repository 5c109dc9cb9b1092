package org.riemopt.spec;

import static org.riemopt.spec.SpecValues.file;
import static org.riemopt.spec.SpecValues.guarded;
import static org.riemopt.spec.SpecValues.matrix;
import static org.riemopt.spec.SpecValues.onlyKeys;
import static org.riemopt.spec.SpecValues.require;
import static org.riemopt.spec.SpecValues.string;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.riemopt.io.Npz;
import org.riemopt.linalg.AmbientMatrix;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.linalg.LowRankMatrix;
import org.riemopt.manifold.SearchSpace;
import org.riemopt.problem.Counterexample;
import org.riemopt.problem.MeasurementOperator;
import org.riemopt.spi.Parameters;

/**
 * The spec's {@code init}: a random point (optionally scaled: small random initialization), a matrix ({@link SearchSpace#pointFromMatrix}), factors {@code {u, v}}
 * with an optional core {@code s} (the point {@code U S Vᵀ}, {@link SearchSpace#pointFromFactors}), a file (a
 * {@code .npy}/{@code .mtx} matrix, or a {@code .npz} archive of the named arrays {@code run --save-point} writes),
 * or the spurious point of a counterexample operator.
 */
final class InitSpec {

    private InitSpec() {
    }

    static <P, T> P read(SearchSpace<P, T> space, MeasurementOperator operator, AmbientMatrix truth, Object value,
                         long seed, Path base) {
        Map<String, Object> spec = value == null ? Map.of("type", "random") : SpecValues.mapping("init", value);
        if (spec.containsKey("matrix")) {
            onlyKeys("init", spec, Set.of("matrix"));
            DenseMatrix m = matrix("init.matrix", spec.get("matrix"), base);
            return guarded("init.matrix", () -> space.pointFromMatrix(m));
        }
        if (spec.containsKey("u") || spec.containsKey("v") || spec.containsKey("s")) {
            onlyKeys("init", spec, Set.of("u", "v", "s"));
            return fromArrays(space, "init", Map.of("u", matrix("init.u", require(spec, "u", "init"), base),
                    "v", matrix("init.v", require(spec, "v", "init"), base)),
                    spec.containsKey("s") ? matrix("init.s", spec.get("s"), base) : null);
        }
        if (spec.containsKey("file")) {
            onlyKeys("init", spec, Set.of("file"));
            return fromFile(space, file("init", spec, base));
        }
        String type = string("init.type", require(spec, "type", "init"));
        onlyKeys("init", spec, "random".equals(type) ? Set.of("type", "scale") : Set.of("type"));
        return switch (type) {
            case "random" -> {
                P point = guarded("manifold", () -> space.manifold().random(RandomStreams.INIT.forSeed(seed)));
                if (!spec.containsKey("scale")) {
                    yield point;
                }
                double scale = SpecValues.number("init.scale", spec.get("scale"));
                if (!(scale > 0)) {
                    throw new SpecException("init.scale", "must be > 0, got " + scale);
                }
                yield scaled(space, point, scale);
            }
            case "truth" -> {
                if (truth == null) {
                    throw new SpecException("init.type", "'truth' starts at a factorization of the truth, and the spec "
                            + "gives none; add 'truth'");
                }
                LowRankMatrix factors = guarded("init", () -> TruthFactors.balanced(truth));
                int rank = space.searchRank();
                yield guarded("init", () -> {
                    DenseMatrix left = TruthFactors.padded(factors.left(), rank);
                    return space.pointFromFactors(left, factors.left() == factors.right() ? left
                            : TruthFactors.padded(factors.right(), rank));
                });
            }
            case "spurious" -> {
                if (!(operator instanceof Counterexample example)) {
                    throw new SpecException("init.type", "'spurious' takes the spurious point of a counterexample "
                            + "operator, and this operator has none; allowed with it: random (or give matrix, file or "
                            + "u, v)");
                }
                LowRankMatrix point = example.spuriousPoint();
                yield guarded("init", () -> space.pointFromFactors(point.left(), point.right()));
            }
            default -> throw new SpecException("init.type", "unknown type '" + type
                    + "'; allowed: random, truth, spurious (or give matrix, file or u, v)");
        };
    }

    private static <P, T> P fromFile(SearchSpace<P, T> space, Path path) {
        if (!path.getFileName().toString().toLowerCase().endsWith(".npz")) {
            DenseMatrix m = guarded("init.file", () -> Parameters.readMatrix("init.file", path));
            return guarded("init.file", () -> space.pointFromMatrix(m));
        }
        long values = guarded("init.file", () -> Npz.values(path));
        SpecValues.requireDoubles("init.file", "the " + values + " values of the arrays in " + path
                + " need 8 bytes each", values);
        Map<String, DenseMatrix> arrays = guarded("init.file", () -> Npz.read(path));
        if (arrays.keySet().equals(Set.of("matrix"))) {
            return guarded("init.file", () -> space.pointFromMatrix(arrays.get("matrix")));
        }
        if (arrays.keySet().equals(Set.of("u", "v")) || arrays.keySet().equals(Set.of("u", "s", "v"))) {
            return fromArrays(space, "init.file", arrays, arrays.get("s"));
        }
        throw new SpecException("init.file", path + " holds the arrays " + arrays.keySet() + "; a point archive holds "
                + "'matrix', or 'u' and 'v' (and optionally 's'), as run --save-point writes");
    }

    /**
     * The point with its factors multiplied by {@code scale} (small random initialization): the factor {@code X}
     * of a single-factor point ({@code euclidean}, {@code psd-fixed-rank}), both {@code U} and {@code V} on
     * {@code factors}, the core {@code S} of a fixed-rank {@code U S Vᵀ}.
     */
    private static <P, T> P scaled(SearchSpace<P, T> space, P point, double scale) {
        Map<String, DenseMatrix> arrays = space.pointArrays(point);
        return guarded("init.scale", () -> {
            if (arrays.containsKey("matrix")) {
                return space.pointFromMatrix(arrays.get("matrix").scale(scale));
            }
            if (arrays.containsKey("s")) {
                return space.pointFromFactors(arrays.get("u").times(arrays.get("s").scale(scale)), arrays.get("v"));
            }
            return space.pointFromFactors(arrays.get("u").scale(scale), arrays.get("v").scale(scale));
        });
    }

    /** The point {@code U S Vᵀ} (or {@code U Vᵀ} without a core). */
    private static <P, T> P fromArrays(SearchSpace<P, T> space, String key, Map<String, DenseMatrix> arrays,
                                       DenseMatrix core) {
        return guarded(key, () -> {
            DenseMatrix u = arrays.get("u");
            return space.pointFromFactors(core == null ? u : u.times(core), arrays.get("v"));
        });
    }
}
