package example.plugin;

import org.riemopt.linalg.AmbientMatrix;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.problem.FactorJacobian;

/**
 * A plugin operator's Jacobian at a point of one measurement: its push fails, and its Gauss–Newton product, when it
 * has one of its own, returns {@link #PRODUCT}.
 */
public final class PluginJacobian implements FactorJacobian {

    /** What {@link #gaussNewton} returns when the Jacobian has its own product. */
    public static final Pullback PRODUCT = new Pullback(DenseMatrix.zeros(1, 1), DenseMatrix.zeros(1, 1));

    private final boolean ownProduct;

    /** @param ownProduct whether {@link #gaussNewton} is the plugin's own, or the default through the broken push */
    public PluginJacobian(boolean ownProduct) {
        this.ownProduct = ownProduct;
    }

    @Override
    public double[] values() {
        return new double[1];
    }

    @Override
    public double[] weights() {
        return new double[1];
    }

    @Override
    public double[] push(DenseMatrix a, DenseMatrix b) {
        throw new IllegalStateException("push is broken");
    }

    @Override
    public Pullback pull(double[] w) {
        return PRODUCT;
    }

    @Override
    public Pullback gaussNewton(DenseMatrix a, DenseMatrix b, double[] s, double[] scaled) {
        return ownProduct ? PRODUCT : FactorJacobian.super.gaussNewton(a, b, s, scaled);
    }

    @Override
    public AmbientMatrix adjoint(double[] w) {
        return DenseMatrix.zeros(1, 1);
    }
}
