package org.riemopt.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import example.plugin.PluginJacobian;
import org.junit.jupiter.api.Test;
import org.riemopt.linalg.AmbientMatrix;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.problem.FactorJacobian;
import org.riemopt.problem.MeasurementOperator;
import org.riemopt.problem.ResidualWeight;
import org.riemopt.spi.Family;
import org.riemopt.spi.OperatorProvider;
import org.riemopt.spi.ParameterSpec;
import org.riemopt.spi.Parameters;
import org.riemopt.spi.PluginFault;
import org.riemopt.spi.PluginRegistry;

/** The guards around what an operator plugin makes: its Jacobian's Gauss–Newton product included. */
class GuardsTest {

    private static final OperatorProvider PROVIDER = new OperatorProvider() {
        @Override
        public String name() {
            return "faulty";
        }

        @Override
        public String description() {
            return "an operator whose Jacobian's push fails";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of();
        }

        @Override
        public MeasurementOperator create(Parameters parameters, Context context) {
            throw new UnsupportedOperationException("not used");
        }
    };

    /** A plugin operator (its class is not the host's problem package) whose Jacobians are {@code jacobian}. */
    private static MeasurementOperator guarded(FactorJacobian jacobian) {
        MeasurementOperator plugin = new MeasurementOperator() {
            @Override
            public int size() {
                return 1;
            }

            @Override
            public int rows() {
                return 1;
            }

            @Override
            public int cols() {
                return 1;
            }

            @Override
            public long dataBytes() {
                return 8;
            }

            @Override
            public double[] apply(AmbientMatrix x) {
                return new double[1];
            }

            @Override
            public AmbientMatrix adjoint(double[] w) {
                return DenseMatrix.zeros(1, 1);
            }

            @Override
            public FactorJacobian linearize(DenseMatrix u, DenseMatrix v, DenseMatrix p, ResidualWeight weight) {
                return jacobian;
            }

            @Override
            public MeasurementOperator select(int[] measurements) {
                return this;
            }
        };
        PluginRegistry.Entry entry = new PluginRegistry.Entry(Family.OPERATOR, PROVIDER, "test", "faulty operator",
                List.of(), "faulty.jar");
        return Guards.operator(plugin, new Guards.Maker(entry, "operator"));
    }

    @Test
    void aFailingGaussNewtonProductIsThePluginsFault() {
        DenseMatrix x = DenseMatrix.zeros(1, 1);
        FactorJacobian j = guarded(new PluginJacobian(false)).linearize(x, x, x, (i, value) -> value);
        PluginFault fault = assertThrows(PluginFault.class, () -> j.gaussNewton(x, x, new double[1], new double[1]));
        assertEquals("faulty", fault.plugin());
        assertEquals("operator", fault.key());
        assertInstanceOf(IllegalStateException.class, fault.getCause());
        assertTrue(fault.getMessage().contains("push is broken"), fault.getMessage());
    }

    @Test
    void thePluginsOwnGaussNewtonProductIsTheOneCalled() {
        DenseMatrix x = DenseMatrix.zeros(1, 1);
        FactorJacobian j = guarded(new PluginJacobian(true)).linearize(x, x, x, (i, value) -> value);
        assertSame(PluginJacobian.PRODUCT, j.gaussNewton(x, x, new double[1], new double[1]));
    }
}
