package org.riemopt.spec;

import static org.riemopt.spec.SpecValues.file;
import static org.riemopt.spec.SpecValues.guarded;
import static org.riemopt.spec.SpecValues.matrix;
import static org.riemopt.spec.SpecValues.onlyKeys;
import static org.riemopt.spec.SpecValues.positiveInteger;
import static org.riemopt.spec.SpecValues.require;
import static org.riemopt.spec.SpecValues.string;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

import org.riemopt.linalg.AmbientMatrix;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.linalg.LowRankMatrix;
import org.riemopt.problem.Counterexample;
import org.riemopt.problem.Lift;
import org.riemopt.problem.MeasurementOperator;
import org.riemopt.spi.Parameters;

/**
 * The spec's {@code truth}: a matrix (inline or from a file), factors {@code {u, v}} (the truth {@code U Vᵀ}, kept
 * factored), a generated low-rank matrix (kept factored, so a 20000 x 20000 truth costs its factors) or the truth of
 * a counterexample operator.
 */
final class TruthSpec {

    private TruthSpec() {
    }

    static AmbientMatrix read(Map<String, Object> spec, Lift<?, ?> lift, MeasurementOperator operator, long seed,
                              Path base) {
        AmbientMatrix truth;
        if (spec.containsKey("matrix")) {
            onlyKeys("truth", spec, Set.of("matrix"));
            truth = matrix("truth.matrix", spec.get("matrix"), base);
        } else if (spec.containsKey("file")) {
            onlyKeys("truth", spec, Set.of("file"));
            Path path = file("truth", spec, base);
            truth = guarded("truth.file", () -> Parameters.readMatrix("truth.file", path));
        } else if (spec.containsKey("u") || spec.containsKey("v")) {
            onlyKeys("truth", spec, Set.of("u", "v"));
            DenseMatrix u = matrix("truth.u", require(spec, "u", "truth"), base);
            DenseMatrix v = matrix("truth.v", require(spec, "v", "truth"), base);
            truth = guarded("truth", () -> new LowRankMatrix(u, v));
        } else {
            truth = generated(spec, lift, operator, seed);
        }
        if (truth.rows() != lift.rows() || truth.cols() != lift.cols()) {
            throw new SpecException("truth", "is " + truth.rows() + "x" + truth.cols() + " but the lift produces "
                    + lift.rows() + "x" + lift.cols() + " matrices");
        }
        return truth;
    }

    private static AmbientMatrix generated(Map<String, Object> spec, Lift<?, ?> lift, MeasurementOperator operator,
                                           long seed) {
        String type = string("truth.type", require(spec, "type", "truth"));
        if (type.equals("example")) {
            onlyKeys("truth", spec, Set.of("type"));
            if (!(operator instanceof Counterexample example)) {
                throw new SpecException("truth.type", "'example' takes the truth of a counterexample operator, and "
                        + "this operator has none; allowed with it: random, random-psd (or give matrix, file or u, v)");
            }
            return example.truth();
        }
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
                SpecValues.requireDoubles("truth.rank", "the truth's factor needs 8·n·k", (double) lift.rows() * rank);
                DenseMatrix z = DenseMatrix.gaussian(lift.rows(), rank, random);
                return new LowRankMatrix(z, z);
            }
            case "random" -> {
                SpecValues.requireMemory("truth.rank", "the truth's factors need 8·(n₁+n₂)·k",
                        8.0 * ((double) lift.rows() + lift.cols()) * rank, (double) Math.max(lift.rows(), lift.cols())
                        * rank);
                return new LowRankMatrix(DenseMatrix.gaussian(lift.rows(), rank, random),
                        DenseMatrix.gaussian(lift.cols(), rank, random));
            }
            default -> throw new SpecException("truth.type", "unknown type '" + type
                    + "'; allowed: random, random-psd, example (or give matrix, file or u, v)");
        }
    }
}
