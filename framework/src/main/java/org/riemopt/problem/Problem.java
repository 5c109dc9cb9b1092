package org.riemopt.problem;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.riemopt.linalg.AmbientMatrix;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.manifold.Manifold;

/**
 * The composed cost {@code f(x) = Σᵢ ℓ((A(φ(x)) − b)ᵢ) + Σₖ Rₖ(x)} on a manifold, with its Riemannian gradient
 * and Hessian.
 *
 * <p>Per-point cache (Manopt's store, made systematic): the first request at a new point linearizes the lift
 * there: one pass over the operator's data gives the residual, its Jacobian {@code J}, {@code ℓ'(res)} and, for
 * dense operators, {@code G = Aᵀℓ'(res)} (other operators may take a second pass for {@code G}). The gradient is
 * {@code Jᵀℓ'(res)} from that cache, and a Hessian-vector product costs {@code O(m·dim)} from it plus what the
 * lift's curvature term or the manifold's Weingarten term does with {@code G}; never another pass. (The exception
 * is a lift whose Jacobian is the operator itself, the identity on a Euclidean space: there the gradient and each
 * Hessian-vector product apply the operator.) A rejected trial point costs its one pass. The two most recent points are kept, as a
 * trust-region step needs the current point and the trial point. Points are keyed by identity.
 *
 * <p>It is a {@link StochasticObjective} over its measurements: the gradient of a batch linearizes the lift against
 * the operator restricted to the batch ({@link MeasurementOperator#select}), with the same loss and the measurements
 * of the batch, so a batch costs {@code O(|batch|)} measurement work and the chain rule is the one of the full
 * gradient.
 *
 * <p>Not thread-safe: one solver run uses one problem.
 *
 * @param <P> point type
 * @param <T> tangent vector type
 */
public final class Problem<P, T> implements StochasticObjective<P, T> {

    private final Manifold<P, T> manifold;
    private final Lift<P, T> lift;
    private final MeasurementOperator operator;
    private final double[] measurements;
    private final Loss loss;
    private final List<Regularizer<P, T>> regularizers;
    private PointCache<P, T> newest;
    private PointCache<P, T> previous;
    private long operatorPasses;
    private long hessianVectorProducts;

    /**
     * @param measurements {@code b}, one finite value per measurement; copied
     * @throws IllegalArgumentException if the sizes of lift, operator and measurements disagree or {@code b} is not
     *                                  finite
     */
    public Problem(Manifold<P, T> manifold, Lift<P, T> lift, MeasurementOperator operator, double[] measurements,
                   Loss loss, List<Regularizer<P, T>> regularizers) {
        if (lift.rows() != operator.rows() || lift.cols() != operator.cols()) {
            throw new IllegalArgumentException("the lift produces " + lift.rows() + "x" + lift.cols()
                    + " matrices but the operator measures " + operator.rows() + "x" + operator.cols() + " matrices");
        }
        if (measurements.length != operator.size()) {
            throw new IllegalArgumentException("the operator takes " + operator.size() + " measurements but "
                    + measurements.length + " values were given");
        }
        for (int i = 0; i < measurements.length; i++) {
            if (!Double.isFinite(measurements[i])) {
                throw new IllegalArgumentException("measurement " + i + " is " + measurements[i]
                        + "; measurements must be finite");
            }
        }
        this.manifold = manifold;
        this.lift = lift;
        this.operator = operator;
        this.measurements = measurements.clone();
        this.loss = loss;
        this.regularizers = List.copyOf(regularizers);
    }

    @Override
    public Manifold<P, T> manifold() {
        return manifold;
    }

    /** The lift {@code φ}. */
    public Lift<P, T> lift() {
        return lift;
    }

    /** The measurement operator {@code A}. */
    public MeasurementOperator operator() {
        return operator;
    }

    /** The loss {@code ℓ}. */
    public Loss loss() {
        return loss;
    }

    /** The passes over the operator and the Hessian-vector products done so far, over all runs on this problem. */
    public WorkCounts workCounts() {
        return new WorkCounts(operatorPasses, hessianVectorProducts);
    }

    /** The number of measurements {@code m}. */
    @Override
    public int terms() {
        return measurements.length;
    }

    /**
     * {@code Σ_{i∈batch} ℓ'(resᵢ)·∇A(φ(x))ᵢ + (|batch|/m)·Σₖ ∇Rₖ(x)}, made Riemannian: the batch is sorted, a
     * repeated index becomes one measurement of weight its multiplicity, and the lift is linearized against
     * {@code operator().select(distinct indices)}.
     */
    @Override
    public T batchGradient(P x, int[] batch) {
        if (batch.length == 0) {
            throw new IllegalArgumentException("batchGradient: the batch is empty");
        }
        int[] sorted = batch.clone();
        Arrays.sort(sorted);
        if (sorted[0] < 0 || sorted[sorted.length - 1] >= measurements.length) {
            int bad = sorted[0] < 0 ? sorted[0] : sorted[sorted.length - 1];
            throw new IllegalArgumentException("batchGradient: measurement " + bad + " is not in [0, "
                    + measurements.length + ")");
        }
        int[] distinct = new int[sorted.length];
        double[] multiplicity = new double[sorted.length];
        int count = 0;
        for (int i : sorted) {
            if (count > 0 && distinct[count - 1] == i) {
                multiplicity[count - 1]++;
            } else {
                distinct[count] = i;
                multiplicity[count++] = 1;
            }
        }
        int[] rows = Arrays.copyOf(distinct, count);
        Linearization<T> lin = lift.linearize(x, operator.select(rows),
                (k, value) -> multiplicity[k] * loss.derivative(value - measurements[rows[k]]));
        AmbientMatrix egrad = lin.pullback(lin.weights());
        if (!regularizers.isEmpty()) {
            AmbientMatrix share = null;
            for (Regularizer<P, T> r : regularizers) {
                share = share == null ? r.euclideanGradient(x) : share.plus(r.euclideanGradient(x));
            }
            egrad = egrad.plus(scaled(share, (double) batch.length / measurements.length));
        }
        return manifold.egradToRgrad(x, egrad);
    }

    @Override
    public double cost(P x) {
        return at(x).cost;
    }

    /** The residual {@code A(φ(x)) − b}. The caller must not modify the array. */
    public double[] residual(P x) {
        return at(x).residual;
    }

    @Override
    public T gradient(P x) {
        PointCache<P, T> c = at(x);
        if (c.gradient == null) {
            c.gradient = manifold.egradToRgrad(x, euclideanGradient(c));
        }
        return c.gradient;
    }

    @Override
    public T hessian(P x, T u) {
        PointCache<P, T> c = at(x);
        hessianVectorProducts++;
        AmbientMatrix egrad = euclideanGradient(c);
        if (c.secondDerivative == null) {
            c.secondDerivative = new double[c.residual.length];
            for (int i = 0; i < c.residual.length; i++) {
                c.secondDerivative[i] = loss.secondDerivative(c.residual[i]);
            }
        }
        AmbientMatrix ehess = c.linearization.gaussNewton(u, c.secondDerivative);
        AmbientMatrix curvature = c.linearization.curvature(c.firstDerivative, u);
        if (curvature != null) {
            ehess = ehess.plus(curvature);
        }
        for (Regularizer<P, T> r : regularizers) {
            ehess = ehess.plus(r.euclideanHessian(x, u));
        }
        return manifold.ehessToRhess(x, egrad, ehess, u);
    }

    /** The loss's reason when it is not twice differentiable, with the smooth alternative. */
    @Override
    public Optional<String> hessianUnavailable() {
        if (loss.isTwiceDifferentiable()) {
            return Optional.empty();
        }
        return Optional.of("the loss '" + loss.name() + "' is not twice differentiable; use lq with smoothing (e.g. "
                + "{type: lq, q: 1, smoothing: 1e-3}) or a first-order solver such as gradient-descent");
    }

    private AmbientMatrix euclideanGradient(PointCache<P, T> c) {
        if (c.euclideanGradient == null) {
            AmbientMatrix egrad = c.linearization.pullback(c.firstDerivative);
            for (Regularizer<P, T> r : regularizers) {
                egrad = egrad.plus(r.euclideanGradient(c.point));
            }
            c.euclideanGradient = egrad;
        }
        return c.euclideanGradient;
    }

    /** The lazy product {@code s·g}. */
    private static AmbientMatrix scaled(AmbientMatrix g, double s) {
        if (g instanceof DenseMatrix d) {
            return d.scale(s);
        }
        return new AmbientMatrix() {
            @Override public int rows() { return g.rows(); }
            @Override public int cols() { return g.cols(); }
            @Override public DenseMatrix times(DenseMatrix v) { return g.times(v).scale(s); }
            @Override public DenseMatrix transposeTimes(DenseMatrix u) { return g.transposeTimes(u).scale(s); }
            @Override public DenseMatrix toDense() { return g.toDense().scale(s); }
        };
    }

    private PointCache<P, T> at(P x) {
        if (newest != null && newest.point == x) {
            return newest;
        }
        if (previous != null && previous.point == x) {
            PointCache<P, T> hit = previous;
            previous = newest;
            newest = hit;
            return hit;
        }
        Linearization<T> lin = lift.linearize(x, operator, (i, value) -> loss.derivative(value - measurements[i]));
        operatorPasses++;
        double[] values = lin.values();
        double[] residual = new double[values.length];
        for (int i = 0; i < residual.length; i++) {
            residual[i] = values[i] - measurements[i];
        }
        double cost = loss.sum(residual);
        for (Regularizer<P, T> r : regularizers) {
            cost += r.value(x);
        }
        previous = newest;
        newest = new PointCache<>(x, lin, residual, cost);
        newest.firstDerivative = lin.weights();
        return newest;
    }

    /** What is known at one point; the derivative parts are filled in on first use. */
    private static final class PointCache<P, T> {
        final P point;
        final Linearization<T> linearization;
        final double[] residual;
        final double cost;
        double[] firstDerivative;
        double[] secondDerivative;
        AmbientMatrix euclideanGradient;
        T gradient;

        PointCache(P point, Linearization<T> linearization, double[] residual, double cost) {
            this.point = point;
            this.linearization = linearization;
            this.residual = residual;
            this.cost = cost;
        }
    }
}
