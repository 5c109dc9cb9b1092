package org.riemopt.plugins.operators;

import java.util.List;

import org.riemopt.problem.MeasurementOperator;
import org.riemopt.spi.OperatorProvider;
import org.riemopt.spi.ParameterSpec;
import org.riemopt.spi.ParameterType;
import org.riemopt.spi.Parameters;

/**
 * Spec name {@code rip-example}: the {@link RipCounterexampleOperator} of Zhang (2024), Example 4.1, on the lift's
 * {@code n x n} matrices, with its truth and spurious point. Parameters {@code example} (only {@code "4.1"} for now),
 * {@code rank} ({@code r}), {@code trueRank} ({@code r*}) and {@code epsilon} ({@code ε}).
 */
public final class RipExampleOperatorProvider implements OperatorProvider {

    @Override
    public String name() {
        return "rip-example";
    }

    @Override
    public String description() {
        return "RIP counterexample (Zhang 2024, Example 4.1): sqrt(1+delta) I - c vec(G) vec(G)^T with a spurious point";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.optional("example", ParameterType.STRING, "4.1", "which example of the paper: 4.1"),
                ParameterSpec.required("rank", ParameterType.INTEGER, "the search rank r, trueRank <= r < n"),
                ParameterSpec.required("trueRank", ParameterType.INTEGER, "the rank r* of the truth, r* >= 1, "
                        + "r + r* <= n"),
                ParameterSpec.required("epsilon", ParameterType.NUMBER, "the margin epsilon >= 0"));
    }

    @Override
    public MeasurementOperator create(Parameters parameters, Context context) {
        String example = parameters.string("example");
        if (!example.equals("4.1")) {
            throw new IllegalArgumentException("key 'example': got '" + example + "'; allowed: 4.1");
        }
        if (context.rows() != context.cols()) {
            throw new IllegalArgumentException("rip-example measures n x n matrices through X X^T, but the lift "
                    + "produces " + context.rows() + " x " + context.cols() + " matrices");
        }
        return RipCounterexampleOperator.example41(context.rows(), parameters.integer("rank"),
                parameters.integer("trueRank"), parameters.number("epsilon"));
    }
}
