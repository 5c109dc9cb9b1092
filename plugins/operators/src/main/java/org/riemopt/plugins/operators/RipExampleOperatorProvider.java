package org.riemopt.plugins.operators;

import java.util.List;

import org.riemopt.problem.MeasurementOperator;
import org.riemopt.spi.MemoryBudget;
import org.riemopt.spi.OperatorProvider;
import org.riemopt.spi.ParameterSpec;
import org.riemopt.spi.ParameterType;
import org.riemopt.spi.Parameters;

/**
 * Spec name {@code rip-example}: the counterexamples of Zhang (2024), "Sharp global guarantees for nonconvex low-rank
 * recovery in the noisy overparameterized regime" (seed 002), on the lift's {@code n x n} matrices, each with its
 * truth and spurious point. Parameter {@code example} picks one, by the paper's numbering:
 * <ul>
 *   <li>{@code "4.1"} (the default): {@link RipCounterexampleOperator}, with {@code rank} ({@code r}),
 *       {@code trueRank} ({@code r*}) and {@code epsilon} ({@code ε ≥ 0});</li>
 *   <li>{@code "1.3"}: {@link CounterexampleOperator#zhangExample13}, {@code n = 2}, with {@code epsilon}
 *       ({@code ε > −1}; the paper's saddle for {@code ε > 0}, a strict spurious local minimum for {@code ε < 0});</li>
 *   <li>{@code "4.5"}: {@link CounterexampleOperator#zhangExample45}, with {@code rank} ({@code r < n}) and
 *       {@code epsilon} ({@code ε > 0}), on the factor space.</li>
 * </ul>
 * Example 4.4 is Example 4.1 on the factor space with a balancing regularizer, a spec of its own
 * ({@code examples/zhang-4.4.yaml}), not an operator.
 */
public final class RipExampleOperatorProvider implements OperatorProvider {

    @Override
    public String name() {
        return "rip-example";
    }

    @Override
    public String description() {
        return "counterexamples of Zhang (2024) with their spurious points: Examples 4.1 (RIP operator "
                + "sqrt(1+delta) I - c vec(G) vec(G)^T), 1.3 (nonstrict saddle, n = 2) and 4.5 (unbalanced UV^T)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.optional("example", ParameterType.STRING, "4.1", "which example of the paper: "
                        + "1.3, 4.1 or 4.5"),
                ParameterSpec.optional("rank", ParameterType.INTEGER, "the search rank r (examples 4.1 and 4.5), "
                        + "r < n"),
                ParameterSpec.optional("trueRank", ParameterType.INTEGER, "the rank r* of the truth (example 4.1), "
                        + "1 <= r* <= r, r + r* <= n"),
                ParameterSpec.required("epsilon", ParameterType.NUMBER, "the margin epsilon (>= 0 for 4.1, > -1 "
                        + "for 1.3, > 0 for 4.5)"));
    }

    @Override
    public MeasurementOperator create(Parameters parameters, Context context) {
        String example = parameters.string("example");
        if (context.rows() != context.cols()) {
            throw new IllegalArgumentException("rip-example measures n x n matrices, but the lift produces "
                    + context.rows() + " x " + context.cols() + " matrices");
        }
        int n = context.rows();
        Shapes.requireEntrywise(context);
        double epsilon = parameters.number("epsilon");
        return switch (example) {
            case "4.1" -> RipCounterexampleOperator.example41(n, integer(parameters, "rank", example),
                    integer(parameters, "trueRank", example), epsilon);
            case "1.3" -> {
                unused(parameters, example, "rank", "trueRank");
                if (n != 2) {
                    throw new IllegalArgumentException("example 1.3 is on 2 x 2 matrices (x in R^2 lifted by xx^T), "
                            + "but the lift produces " + n + " x " + n + " matrices");
                }
                yield CounterexampleOperator.zhangExample13(epsilon);
            }
            case "4.5" -> {
                unused(parameters, example, "trueRank");
                yield CounterexampleOperator.zhangExample45(n, integer(parameters, "rank", example), epsilon);
            }
            default -> throw new IllegalArgumentException("key 'example': got '" + example + "'; allowed: 1.3, 4.1, "
                    + "4.5" + (example.equals("4.4") ? " (Example 4.4 is example 4.1 on the factor space with a "
                    + "balancing regularizer: see examples/zhang-4.4.yaml)" : ""));
        };
    }

    /** The integer parameter {@code key}, which {@code example} needs. */
    private static int integer(Parameters parameters, String key, String example) {
        if (!parameters.has(key)) {
            throw new IllegalArgumentException("example " + example + " needs key '" + key + "'");
        }
        return parameters.integer(key);
    }

    /** Refuses the parameters {@code example} fixes itself. */
    private static void unused(Parameters parameters, String example, String... keys) {
        for (String key : keys) {
            if (parameters.has(key)) {
                throw new IllegalArgumentException("example " + example + " fixes its own sizes; remove key '" + key
                        + "'");
            }
        }
    }
}
