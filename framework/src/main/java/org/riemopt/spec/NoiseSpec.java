package org.riemopt.spec;

import static org.riemopt.spec.SpecValues.mapping;
import static org.riemopt.spec.SpecValues.number;
import static org.riemopt.spec.SpecValues.onlyKeys;
import static org.riemopt.spec.SpecValues.require;
import static org.riemopt.spec.SpecValues.string;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The spec's {@code noise}: one model (a mapping) or a list of models applied in turn to {@code b = A(M*)}, every
 * draw taken in order from the spec's {@link RandomStreams#NOISE} stream so that a seed gives the same {@code b}.
 * <ul>
 *   <li>{@code {type: gaussian, sigma: s}}: iid {@code N(0, s²)} added to every measurement.</li>
 *   <li>{@code {type: outliers, fraction: p, distribution: cauchy | student-t | uniform, scale: s, degrees: ν}}:
 *       {@code round(p·m)} measurements, chosen uniformly without replacement, get a heavy-tailed value added
 *       (the heavy-tailed corruption of "Can learning be explained by local optimality in robust low-rank matrix
 *       recovery?", arXiv 2302.10963): Cauchy {@code s·tan(π(U − ½))},
 *       Student-t {@code s·Z/√(χ²_ν/ν)} or uniform {@code s·(2U − 1)} on {@code [−s, s]}.</li>
 * </ul>
 */
final class NoiseSpec {

    private static final Set<String> GAUSSIAN_KEYS = Set.of("type", "sigma");
    private static final Set<String> OUTLIER_KEYS = Set.of("type", "fraction", "distribution", "scale", "degrees");
    private static final String STUDENT_T = "student-t";

    private NoiseSpec() {
    }

    /** Adds the noise {@code value} describes (nothing when it is absent) to {@code b}. */
    static void add(Object value, double[] b, long seed) {
        if (value == null) {
            return;
        }
        RandomGenerator random = RandomStreams.NOISE.forSeed(seed);
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                addOne("noise[" + i + "]", list.get(i), b, random);
            }
        } else {
            addOne("noise", value, b, random);
        }
    }

    private static void addOne(String key, Object value, double[] b, RandomGenerator random) {
        Map<String, Object> spec = mapping(key, value);
        String type = string(key + ".type", require(spec, "type", key));
        switch (type) {
            case "gaussian" -> gaussian(key, spec, b, random);
            case "outliers" -> outliers(key, spec, b, random);
            default -> throw new SpecException(key + ".type", "unknown type '" + type
                    + "'; allowed: gaussian, outliers");
        }
    }

    private static void gaussian(String key, Map<String, Object> spec, double[] b, RandomGenerator random) {
        onlyKeys(key, spec, GAUSSIAN_KEYS);
        double sigma = atLeastZero(key + ".sigma", require(spec, "sigma", key));
        for (int i = 0; i < b.length; i++) {
            b[i] += sigma * random.nextGaussian();
        }
    }

    private static void outliers(String key, Map<String, Object> spec, double[] b, RandomGenerator random) {
        onlyKeys(key, spec, OUTLIER_KEYS);
        double fraction = atLeastZero(key + ".fraction", require(spec, "fraction", key));
        if (fraction > 1) {
            throw new SpecException(key + ".fraction", "got " + fraction + "; must be in [0, 1]");
        }
        String distribution = string(key + ".distribution", require(spec, "distribution", key));
        if (!Set.of("cauchy", STUDENT_T, "uniform").contains(distribution)) {
            throw new SpecException(key + ".distribution", "unknown distribution '" + distribution
                    + "'; allowed: cauchy, student-t, uniform");
        }
        double scale = atLeastZero(key + ".scale", require(spec, "scale", key));
        double degrees = 0;
        if (distribution.equals(STUDENT_T)) {
            degrees = number(key + ".degrees", require(spec, "degrees", key));
            if (!(degrees > 0)) {
                throw new SpecException(key + ".degrees", "got " + degrees + "; the degrees of freedom must be > 0");
            }
        } else if (spec.containsKey("degrees")) {
            throw new SpecException(key + ".degrees", "applies only to distribution student-t, not "
                    + distribution);
        }
        // Partial Fisher-Yates: the first k entries of a uniformly shuffled index list, then one value for each.
        int k = (int) Math.round(fraction * b.length);
        SpecValues.requireMemory(key + ".fraction", "choosing the outliers needs 4·m bytes", 4.0 * b.length,
                b.length);
        int[] index = new int[b.length];
        for (int i = 0; i < index.length; i++) {
            index[i] = i;
        }
        for (int j = 0; j < k; j++) {
            int pick = j + random.nextInt(b.length - j);
            int t = index[j];
            index[j] = index[pick];
            index[pick] = t;
        }
        for (int j = 0; j < k; j++) {
            b[index[j]] += scale * switch (distribution) {
                case "cauchy" -> Math.tan(Math.PI * (random.nextDouble() - 0.5));
                case STUDENT_T -> random.nextGaussian() / Math.sqrt(chiSquared(degrees, random) / degrees);
                default -> 2 * random.nextDouble() - 1;
            };
        }
    }

    /** {@code χ²_ν = 2·Gamma(ν/2, 1)}, so that any real {@code ν > 0} is allowed. */
    private static double chiSquared(double degrees, RandomGenerator random) {
        return 2 * gamma(degrees / 2, random);
    }

    /**
     * A {@code Gamma(a, 1)} draw by Marsaglia and Tsang, "A simple method for generating gamma variables" (ACM TOMS
     * 26, 2000), with their boost {@code Gamma(a) = Gamma(a + 1)·U^{1/a}} for {@code a < 1}.
     */
    private static double gamma(double a, RandomGenerator random) {
        if (a < 1) {
            return gamma(a + 1, random) * Math.pow(random.nextDouble(), 1 / a);
        }
        double d = a - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    private static double atLeastZero(String key, Object value) {
        double v = number(key, value);
        if (v < 0) {
            throw new SpecException(key, "got " + v + "; must be >= 0");
        }
        return v;
    }
}
