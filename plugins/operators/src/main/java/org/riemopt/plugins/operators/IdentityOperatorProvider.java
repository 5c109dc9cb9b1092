package org.riemopt.plugins.operators;

import java.util.List;

import org.riemopt.problem.MeasurementOperator;
import org.riemopt.spi.MemoryBudget;
import org.riemopt.spi.OperatorProvider;
import org.riemopt.spi.ParameterSpec;
import org.riemopt.spi.Parameters;

/**
 * Spec name {@code identity}: {@code A(M) = vec(M)} on the lift's matrices, so that {@code ½‖A(M) − b‖²} is the
 * low-rank approximation cost {@code ½‖M − C‖²_F} (as in Boumal and Criscitiello's benign-landscape examples).
 */
public final class IdentityOperatorProvider implements OperatorProvider {

    @Override
    public String name() {
        return "identity";
    }

    @Override
    public String description() {
        return "the identity A(M) = vec(M): low-rank approximation 1/2 ||M - C||_F^2";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of();
    }

    @Override
    public MeasurementOperator create(Parameters parameters, Context context) {
        Shapes.requireEntrywise(context);
        return IdentityMinusRankOneOperator.identity(context.rows(), context.cols());
    }
}
