package org.riemopt.landscape;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import org.riemopt.diagnostics.ExtremeEigenpairs;
import org.riemopt.diagnostics.HessianLanczos;
import org.riemopt.linalg.AmbientMatrix;
import org.riemopt.linalg.Decompositions;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.linalg.Frobenius;
import org.riemopt.linalg.LowRankMatrix;
import org.riemopt.manifold.Manifold;
import org.riemopt.problem.MeasurementOperator;
import org.riemopt.problem.Problem;
import org.riemopt.spec.Instance;
import org.riemopt.spec.RandomStreams;
import org.riemopt.spec.SpecException;
import org.riemopt.spec.TruthFactors;

/**
 * Runs every landscape tool at a spec's initial point and collects what they find, as {@code riemopt certify}
 * prints it: an ordered map of numbers, booleans, strings, lists and maps under the keys documented in
 * {@code docs/landscape.md}. A value that is not defined at the point (a local-norm quantity off the {@code XXᵀ}
 * parameterization, a ratio of zero by zero) is {@code NaN}; an unbounded one is {@code +∞}. Parts that need what
 * the spec does not give (a truth, a RIP constant) are left out.
 *
 * <p>Random draws (Lanczos start, tangent basis, descent directions, RIP samples) come from the spec's
 * {@link RandomStreams#DIAGNOSTICS} stream, so a report is reproducible.
 */
public final class Certification {

    /** The lift name of the symmetric parameterization {@code φ(X) = XXᵀ} the papers' local tools are stated for. */
    static final String SYMMETRIC_LIFT = "xxt";

    private static final int POWER_ITERATIONS = 300;

    private Certification() {
    }

    /** The report at {@code instance.start()} with the spec's {@code certify} options. */
    public static <P, T> Map<String, Object> run(Instance<P, T> instance) {
        return run(instance, CertifyOptions.parse(instance.certify()));
    }

    /** The report at {@code instance.start()} with the given options. */
    public static <P, T> Map<String, Object> run(Instance<P, T> instance, CertifyOptions options) {
        Problem<P, T> problem = instance.problem();
        Manifold<P, T> m = problem.manifold();
        P x = instance.start();
        RandomGenerator random = RandomStreams.DIAGNOSTICS.forSeed(instance.seed());
        Map<String, Object> report = new LinkedHashMap<>();
        int rank = instance.space().searchRank();
        boolean symmetric = isSymmetric(instance);
        report.put("parameterization", symmetric ? "XX^T" : liftName(instance));
        report.put("dimension", m.dim());
        report.put("searchRank", rank);
        report.put("cost", problem.cost(x));
        double gradientNorm = m.norm(x, problem.gradient(x));
        report.put("gradientNorm", gradientNorm);
        ExtremeEigenpairs<T> extremes = HessianLanczos.extremes(problem, x, random);
        report.put("hessianMinEigenvalue", extremes.min());
        report.put("hessianMaxEigenvalue", extremes.max());
        report.put("hessianLanczosConverged", extremes.converged());

        ApproximateSecondOrderPoint epsilons = symmetric
                ? ApproximateSecondOrderPoint.of(cast(problem), (DenseMatrix) x, extremes.min(), random)
                : ApproximateSecondOrderPoint.euclidean(gradientNorm, extremes.min());
        report.put("epsilon1", epsilons.epsilon1());
        report.put("epsilon2", epsilons.epsilon2());
        report.put("epsilon1Local", epsilons.epsilon1Local());
        report.put("epsilon2Local", epsilons.epsilon2Local());

        LowRankMatrix truthFactors = instance.truth() == null ? null : TruthFactors.balanced(instance.truth());
        int trueRank = truthFactors == null ? 0 : truthFactors.left().cols();
        double noise = Double.NaN;
        if (truthFactors != null) {
            report.put("trueRank", trueRank);
            report.put("relativeError", instance.relativeError(x));
            noise = noiseLevel(problem, x, instance.truth(), random);
            report.put("noiseLevel", noise);
        }
        boolean psdTruth = truthFactors != null && truthFactors.left() == truthFactors.right();
        if (symmetric && psdTruth && trueRank <= rank) {
            report.put("escape", escape(cast(problem), (DenseMatrix) x, truthFactors.left(),
                    Frobenius.norm(instance.truth())));
        }
        if (truthFactors != null && trueRank <= rank) {
            report.put("deltaCritical", RipBounds.deltaCritical(rank, trueRank));
        }
        if (options.ripConstant() != null) {
            double delta = options.ripConstant();
            report.put("ripConstant", delta);
            if (truthFactors != null && trueRank <= rank) {
                report.put("errorBounds", errorBounds(delta, noise, options, epsilons, rank, trueRank, symmetric
                        && psdTruth, Frobenius.distance(problem.lift().matrix(x), instance.truth())));
            }
            if (symmetric && psdTruth) {
                report.put("highOrder", highOrder(options, delta, (DenseMatrix) x, truthFactors.left(),
                        problem.operator().size(), gradientNorm));
            }
        }
        report.put("ripEstimate", ripEstimate(problem.operator(), options, rank, trueRank, symmetric, random));

        List<Double> radii = options.radii();
        double[] r = new double[radii.size()];
        double[] decreases = new double[radii.size()];
        List<Map<String, Object>> descent = new ArrayList<>();
        for (int i = 0; i < r.length; i++) {
            r[i] = radii.get(i);
            decreases[i] = LocalDescent.decrease(problem, x, r[i], extremes.minVector(), options.directions(), random);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("radius", r[i]);
            entry.put("decrease", decreases[i]);
            descent.add(entry);
        }
        report.put("descent", descent);
        report.put("descentExponent", LocalDescent.exponent(r, decreases,
                LocalDescent.roundOff(problem.cost(x))));
        report.put("seed", instance.seed());
        return report;
    }

    /** Whether the instance is the symmetric factorization {@code XXᵀ} with {@code n x r} matrix points and tangents. */
    static boolean isSymmetric(Instance<?, ?> instance) {
        Object lift = instance.space().lifts().get(SYMMETRIC_LIFT);
        return lift != null && lift == instance.problem().lift() && instance.start() instanceof DenseMatrix
                && instance.problem().manifold().zeroTangent(cast(instance.start())) instanceof DenseMatrix;
    }

    private static String liftName(Instance<?, ?> instance) {
        return instance.space().lifts().entrySet().stream().filter(e -> e.getValue() == instance.problem().lift())
                .map(Map.Entry::getKey).findFirst().orElse("custom");
    }

    @SuppressWarnings("unchecked")
    private static <R> R cast(Object o) {
        return (R) o;
    }

    /**
     * {@code ε₀ = ‖Aᵀ(A(M*) − b)‖_op} (seed 002, Theorem 1.4's noise model; seed 000's {@code ‖A*(ξ)‖_op}), with
     * {@code b = A(φ(x)) − res(x)} recovered from the problem; the operator norm by power iteration on
     * {@code GᵀG}, which never forms {@code G} densely.
     */
    private static <P, T> double noiseLevel(Problem<P, T> problem, P x, AmbientMatrix truth, RandomGenerator random) {
        MeasurementOperator a = problem.operator();
        double[] atPoint = a.apply(problem.lift().matrix(x));
        double[] residual = problem.residual(x);
        double[] atTruth = a.apply(truth);
        double[] w = new double[atTruth.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = atTruth[i] - (atPoint[i] - residual[i]);
        }
        return operatorNorm(a.adjoint(w), random);
    }

    /** The largest singular value of {@code g} by power iteration on {@code gᵀg}. */
    static double operatorNorm(AmbientMatrix g, RandomGenerator random) {
        DenseMatrix v = DenseMatrix.gaussian(g.cols(), 1, random);
        v = v.scale(1 / v.normF());
        double sigma = 0;
        for (int k = 0; k < POWER_ITERATIONS; k++) {
            DenseMatrix u = g.times(v);
            double next = u.normF();
            if (next == 0) {
                return 0;
            }
            DenseMatrix w = g.transposeTimes(u);
            v = w.scale(1 / w.normF());
            if (Math.abs(next - sigma) <= 1e-13 * next) {
                return next;
            }
            sigma = next;
        }
        return sigma;
    }

    /**
     * The escape directions' report. {@code certifiesDescent} is Theorem 3.10's conclusion at {@code ε₁ = ε₂ = 0}
     * (a ratio below 0); the theorem assumes {@code XXᵀ ≠ ZZᵀ}, so it is false at an error below round-off
     * ({@code 1e-8‖M*‖}), where the ratios are round-off too.
     */
    private static Map<String, Object> escape(Problem<DenseMatrix, DenseMatrix> problem, DenseMatrix x,
                                              DenseMatrix z, double truthNorm) {
        EscapeDirections d = EscapeDirections.of(x, z);
        EscapeDirections.Ratios ratios = d.evaluate(problem, x);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("gradientRatio", ratios.gradient());
        out.put("hessianRatio", ratios.hessian());
        out.put("hessianRatios", ratios.hessianEach());
        out.put("certifiesDescent", d.errorNorm() > 1e-8 * truthNorm && ratios.certifiesDescent(0, 0));
        out.put("d0LocalNorm", ratios.d0LocalNorm());
        out.put("errorNorm", d.errorNorm());
        out.put("tangentNorm", d.tangentNorm());
        out.put("normalNorm", d.normalNorm());
        out.put("splitResidual", d.splitResidual());
        return out;
    }

    private static Map<String, Object> errorBounds(double delta, double noise, CertifyOptions options,
                                                   ApproximateSecondOrderPoint epsilons, int rank, int trueRank,
                                                   boolean zhangApplies, double error) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("error", error);
        Map<String, Object> mcRae = new LinkedHashMap<>();
        mcRae.put("theorem", "McRae (seed 000), main positive landscape result: second-order critical points, "
                + "delta < deltaCritical");
        mcRae.put("nuclearLambda", options.nuclearLambda());
        mcRae.put("bound", RipBounds.mcRaeBound(delta, noise, options.nuclearLambda(), rank, trueRank));
        out.put("mcRae", mcRae);
        if (zhangApplies) {
            Map<String, Object> zhang = new LinkedHashMap<>();
            zhang.put("theorem", "Zhang (seed 002), Theorem 1.4: (epsilon1Local, epsilon2Local)-approximate "
                    + "second-order points of XX^T");
            zhang.put("bound", RipBounds.zhangBound(delta, noise, epsilons.epsilon1Local(), epsilons.epsilon2Local(),
                    rank, trueRank));
            out.put("zhang", zhang);
        }
        return out;
    }

    private static Map<String, Object> highOrder(CertifyOptions options, double delta, DenseMatrix x, DenseMatrix z,
                                                 int measurements, double gradientNorm) {
        double distance = Frobenius.distance(new LowRankMatrix(x, x), new LowRankMatrix(z, z));
        double[] s = Decompositions.svd(x).s();
        double sigmaR = s.length < x.cols() ? 0 : s[x.cols() - 1];
        double trace = z.normF() * z.normF();
        RipBounds.HighOrderSaddle t = RipBounds.highOrderSaddle(delta, options.highOrderLambda(),
                options.highOrderOrder(), distance, sigmaR, trace, measurements);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("theorem", "Ma, Chen, Lavaei, Sojoudi (seed 004), Theorem 6 (a first-order point of f + lambda f^l)");
        out.put("lambda", t.lambda());
        out.put("order", t.order());
        out.put("gradientNorm", gradientNorm);
        out.put("distanceSquared", t.distanceSquared());
        out.put("threshold10", t.threshold());
        out.put("inequality10Holds", t.inequality10Holds());
        out.put("eigenvalueBound11", t.eigenvalueBound11());
        return out;
    }

    private static Map<String, Object> ripEstimate(MeasurementOperator operator, CertifyOptions options, int rank,
                                                   int trueRank, boolean symmetric, RandomGenerator random) {
        int largest = Math.min(operator.rows(), operator.cols());
        if (options.ripRank() != null && options.ripRank() > largest) {
            throw new SpecException("certify.ripRank", "the operator measures " + operator.rows() + "x"
                    + operator.cols() + " matrices, of rank at most " + largest + "; got " + options.ripRank());
        }
        // Default: the rank r + r* of the theorems' RIP (seeds 000, 002), 2r (seed 004) without a truth.
        int k = options.ripRank() != null ? options.ripRank()
                : Math.min(largest, rank + (trueRank > 0 ? trueRank : rank));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rank", k);
        out.put("samples", options.ripSamples());
        out.put("symmetric", symmetric);
        out.put("lowerBound", RipEstimate.lowerBound(operator, k, options.ripSamples(), symmetric, random));
        return out;
    }
}
