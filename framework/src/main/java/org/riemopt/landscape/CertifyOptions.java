package org.riemopt.landscape;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.riemopt.spec.SpecException;
import org.riemopt.spi.Parameters;

/**
 * The options of the landscape tools, read from a spec's {@code certify:} mapping (every key optional).
 *
 * @param ripConstant     the RIP constant {@code δ} the theorems' bounds assume ({@code ripConstant}), or
 *                        {@code null} when the spec gives none: those bounds are then not reported
 * @param radii           the radii {@code γ} of the descent search ({@code radii}), absolute, in the metric of the
 *                        tangent space (the Frobenius norm of the factor step on Euclidean manifolds)
 * @param directions      the number of seeded random start directions of the descent search ({@code directions})
 * @param ripRank         the rank {@code k} of the sampled matrices of the RIP estimate ({@code ripRank}), or
 *                        {@code null} for {@code r + r*}
 * @param ripSamples      the number of sampled matrices of the RIP estimate ({@code ripSamples})
 * @param highOrderLambda the weight {@code λ} of the high-order term {@code λ f^l} of seed 004's Theorem 6
 *                        ({@code highOrder.lambda}); 0 when absent
 * @param highOrderOrder  its even order {@code l} ({@code highOrder.order}); 2 when absent
 * @param nuclearLambda   the weight {@code λ} of the nuclear-norm surrogate in seed 000's error bound
 *                        ({@code nuclearLambda}); 0 when absent
 */
public record CertifyOptions(Double ripConstant, List<Double> radii, int directions, Integer ripRank,
                             int ripSamples, double highOrderLambda, int highOrderOrder, double nuclearLambda) {

    /** The default radii {@code γ}. */
    public static final List<Double> DEFAULT_RADII = List.of(1e-3, 1e-2, 1e-1);

    /** The default number of random start directions of the descent search. */
    public static final int DEFAULT_DIRECTIONS = 8;

    /** The default number of samples of the RIP estimate. */
    public static final int DEFAULT_RIP_SAMPLES = 200;

    private static final Set<String> KEYS = Set.of("ripConstant", "radii", "directions", "ripRank", "ripSamples",
            "highOrder", "nuclearLambda");

    public CertifyOptions {
        radii = List.copyOf(radii);
    }

    /** The defaults: no {@code δ}, the default radii, directions and samples, no high-order term. */
    public static CertifyOptions defaults() {
        return parse(Map.of());
    }

    /**
     * Reads the {@code certify:} mapping.
     *
     * @throws SpecException naming the key ({@code certify.radii}) if a key is unknown or a value out of range
     */
    public static CertifyOptions parse(Map<String, Object> spec) {
        for (String key : spec.keySet()) {
            if (!KEYS.contains(key)) {
                throw new SpecException("certify." + key, "unknown key; allowed here: "
                        + String.join(", ", new TreeSet<>(KEYS)));
            }
        }
        Double delta = null;
        if (spec.containsKey("ripConstant")) {
            delta = number("certify.ripConstant", spec.get("ripConstant"));
            if (delta < 0 || delta >= 1) {
                throw new SpecException("certify.ripConstant", "a RIP constant is in [0, 1), got " + delta);
            }
        }
        List<Double> radii = DEFAULT_RADII;
        if (spec.containsKey("radii")) {
            if (!(spec.get("radii") instanceof List<?> list) || list.isEmpty()) {
                throw new SpecException("certify.radii", "expected a non-empty list of positive radii, got "
                        + spec.get("radii"));
            }
            radii = list.stream().map(v -> positive("certify.radii", v)).toList();
        }
        int directions = spec.containsKey("directions")
                ? integer("certify.directions", spec.get("directions"), 0) : DEFAULT_DIRECTIONS;
        Integer ripRank = spec.containsKey("ripRank") ? integer("certify.ripRank", spec.get("ripRank"), 1) : null;
        int ripSamples = spec.containsKey("ripSamples")
                ? integer("certify.ripSamples", spec.get("ripSamples"), 1) : DEFAULT_RIP_SAMPLES;
        double lambda = 0;
        int order = 2;
        if (spec.containsKey("highOrder")) {
            if (!(spec.get("highOrder") instanceof Map<?, ?> high)) {
                throw new SpecException("certify.highOrder", "expected a mapping {lambda: λ, order: l}, got "
                        + spec.get("highOrder"));
            }
            for (Object key : high.keySet()) {
                if (!"lambda".equals(key) && !"order".equals(key)) {
                    throw new SpecException("certify.highOrder." + key, "unknown key; allowed here: lambda, order");
                }
            }
            if (!high.containsKey("lambda") || !high.containsKey("order")) {
                throw new SpecException("certify.highOrder", "give both lambda (the weight λ) and order (l)");
            }
            lambda = number("certify.highOrder.lambda", high.get("lambda"));
            if (lambda < 0) {
                throw new SpecException("certify.highOrder.lambda", "expected λ >= 0, got " + lambda);
            }
            order = integer("certify.highOrder.order", high.get("order"), 2);
            if (order % 2 != 0) {
                // Seed 004's Theorem 6 is stated for even l only.
                throw new SpecException("certify.highOrder.order", "Theorem 6 of seed 004 needs an even order l >= 2, "
                        + "got " + order);
            }
        }
        double nuclear = 0;
        if (spec.containsKey("nuclearLambda")) {
            nuclear = number("certify.nuclearLambda", spec.get("nuclearLambda"));
            if (nuclear < 0) {
                throw new SpecException("certify.nuclearLambda", "expected λ >= 0, got " + nuclear);
            }
        }
        return new CertifyOptions(delta, radii, directions, ripRank, ripSamples, lambda, order, nuclear);
    }

    private static double number(String key, Object value) {
        if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
            throw new SpecException(key, "expected a finite number, got " + Parameters.brief(value));
        }
        return n.doubleValue();
    }

    private static double positive(String key, Object value) {
        double v = number(key, value);
        if (!(v > 0)) {
            throw new SpecException(key, "expected positive numbers, got " + value);
        }
        return v;
    }

    private static int integer(String key, Object value, int min) {
        if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() < min
                || ((Number) value).longValue() > Integer.MAX_VALUE) {
            throw new SpecException(key, "expected an integer >= " + min + ", got " + Parameters.brief(value));
        }
        return ((Number) value).intValue();
    }
}
