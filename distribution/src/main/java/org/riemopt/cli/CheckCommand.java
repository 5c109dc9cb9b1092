package org.riemopt.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.random.RandomGenerator;

import org.riemopt.diagnostics.DerivativeChecks;
import org.riemopt.diagnostics.ExtremeEigenpairs;
import org.riemopt.diagnostics.HessianLanczos;
import org.riemopt.diagnostics.HessianSpectrum;
import org.riemopt.diagnostics.SlopeCheck;
import org.riemopt.manifold.Manifold;
import org.riemopt.problem.Problem;
import org.riemopt.spec.Instance;
import org.riemopt.spec.RandomStreams;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code riemopt check SPEC}: derivative checks and the Hessian spectrum at the spec's initial point.
 */
@Command(name = "check", description = "Check the gradient and Hessian (Taylor slopes, symmetry) at the spec's "
        + "initial point, report the Hessian's extreme eigenvalues (Lanczos, relative residual "
        + "<= 1e-8), and list all its eigenvalues when the dimension is at most "
        + CheckCommand.MAX_SPECTRUM_DIMENSION + ".")
final class CheckCommand extends Subcommand implements Callable<Integer> {

    /** Largest manifold dimension for which the dense Hessian spectrum is computed. */
    static final int MAX_SPECTRUM_DIMENSION = 500;


    @Mixin
    private SpecFile spec;

    @Mixin
    private JsonOutput json;

    @Override
    public Integer call() {
        Instance<?, ?> instance = load(spec);
        Map<String, Object> report = check(instance);
        var out = out();
        if (json.enabled) {
            out.println(Json.write(report));
        } else {
            out.printf("cost:                    %.15g%n", (double) report.get("cost"));
            out.printf("gradient norm:           %.3e%n", (double) report.get("gradientNorm"));
            out.printf("gradient Taylor slope:   %s (2 expected; %s)%n", slope(report.get("gradientSlope")),
                    report.get("gradientCheck"));
            if (!report.containsKey("hessianSlope")) {
                out.printf("Hessian:                 %s%n", report.get("hessianCheck"));
                return 0;
            }
            out.printf("Hessian Taylor slope:    %s (3 expected; %s)%n", slope(report.get("hessianSlope")),
                    report.get("hessianCheck"));
            out.printf("Hessian symmetry error:  %.3e%n", (double) report.get("hessianSymmetryError"));
            out.printf("Hessian min eigenvalue:  %.10g%n", (double) report.get("hessianMinEigenvalue"));
            out.printf("Hessian max eigenvalue:  %.10g%s%n", (double) report.get("hessianMaxEigenvalue"),
                    Boolean.TRUE.equals(report.get("hessianLanczosConverged")) ? ""
                            : " (Lanczos did not reach its tolerance)");
            if (report.containsKey("hessianEigenvalues")) {
                out.print("Hessian eigenvalues:    ");
                for (double v : (double[]) report.get("hessianEigenvalues")) {
                    out.printf(" %.10g", v);
                }
                out.println();
            }
        }
        return 0;
    }

    private static <P, T> Map<String, Object> check(Instance<P, T> instance) {
        Problem<P, T> problem = instance.problem();
        Manifold<P, T> m = problem.manifold();
        P x = instance.start();
        RandomGenerator random = RandomStreams.DIAGNOSTICS.forSeed(instance.seed());
        T d = m.randomTangent(x, random);
        SlopeCheck gradient = DerivativeChecks.gradient(problem, x, d);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("cost", problem.cost(x));
        report.put("gradientNorm", m.norm(x, problem.gradient(x)));
        report.put("gradientSlope", gradient.slope());
        report.put("gradientCheck", gradient.verdict(2));
        Optional<String> noHessian = problem.hessianUnavailable();
        if (noHessian.isPresent()) {
            // a Hessian of a nonsmooth loss holds no information (or NaN): its checks would only mislead
            if (!gradient.agrees(2) && !gradient.exact()) {
                report.put("gradientCheck", gradient.verdict(2) + " (or, as this loss is not twice differentiable, "
                        + "residuals crossing its kinks along the direction bend the curve)");
            }
            report.put("hessianCheck", "not checked: " + noHessian.get());
            report.put("dimension", m.dim());
            report.put("seed", instance.seed());
            return report;
        }
        SlopeCheck hessian = DerivativeChecks.hessian(problem, x, d);
        T u = m.randomTangent(x, random);
        T v = m.randomTangent(x, random);
        report.put("hessianSlope", hessian.slope());
        report.put("hessianModelExact", hessian.exact());
        report.put("hessianCheck", hessian.verdict(3));
        report.put("hessianSymmetryError", DerivativeChecks.hessianSymmetryError(problem, x, u, v));
        ExtremeEigenpairs<T> extremes = HessianLanczos.extremes(problem, x, random);
        report.put("hessianMinEigenvalue", extremes.min());
        report.put("hessianMaxEigenvalue", extremes.max());
        report.put("hessianLanczosConverged", extremes.converged());
        if (m.dim() <= MAX_SPECTRUM_DIMENSION) {
            report.put("hessianEigenvalues", HessianSpectrum.eigenvalues(problem, x, random));
        }
        report.put("dimension", m.dim());
        report.put("seed", instance.seed());
        return report;
    }

    private static String slope(Object value) {
        double v = (double) value;
        return Double.isNaN(v) ? "none" : String.format("%.4f", v);
    }
}
