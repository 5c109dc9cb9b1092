package org.riemopt.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.riemopt.landscape.Certification;
import org.riemopt.landscape.CertifyOptions;
import org.riemopt.spec.Instance;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code riemopt certify SPEC}: the landscape toolkit ({@link Certification}) at the spec's initial point, with the
 * options of the spec's {@code certify:} mapping.
 */
@Command(name = "certify", description = "Certify the landscape at the spec's initial point: gradient, smallest "
        + "Hessian eigenvalue, the (eps1, eps2) of an approximate second-order point (Euclidean and local norm), "
        + "with a truth the escape directions of Zhang's Definition 3.1 and the critical RIP constant, the theorems' "
        + "error bounds when certify.ripConstant is given, a sampled lower estimate of the RIP constant, and the "
        + "best decrease found in small balls around the point. See docs/landscape.md.")
final class CertifyCommand extends Subcommand implements Callable<Integer> {

    @Mixin
    private SpecFile spec;

    @Mixin
    private JsonOutput json;

    @Override
    public Integer call() {
        Instance<?, ?> instance = load(spec);
        // Options are read before any work, so that an options error exits 2 without output.
        CertifyOptions options = CertifyOptions.parse(instance.certify());
        Map<String, Object> report = Certification.run(instance, options);
        var out = out();
        if (json.enabled) {
            out.println(Json.write(report));
            return 0;
        }
        out.printf("parameterization:        %s (dimension %s, search rank %s)%n", report.get("parameterization"),
                report.get("dimension"), report.get("searchRank"));
        out.printf("cost:                    %.15g%n", (double) report.get("cost"));
        out.printf("gradient norm:           %.3e%n", (double) report.get("gradientNorm"));
        out.printf("Hessian min eigenvalue:  %.10g%s%n", (double) report.get("hessianMinEigenvalue"),
                Boolean.TRUE.equals(report.get("hessianLanczosConverged")) ? ""
                        : " (Lanczos did not reach its tolerance)");
        out.printf("Hessian max eigenvalue:  %.10g%n", (double) report.get("hessianMaxEigenvalue"));
        out.printf("(eps1, eps2) Euclidean:  (%s, %s)%n", number(report.get("epsilon1")),
                number(report.get("epsilon2")));
        out.printf("(eps1, eps2) local:      (%s, %s)%n", number(report.get("epsilon1Local")),
                number(report.get("epsilon2Local")));
        if (report.containsKey("trueRank")) {
            out.printf("true rank:               %s%n", report.get("trueRank"));
            out.printf("relative error:          %s%n", number(report.get("relativeError")));
            out.printf("noise level eps0:        %s%n", number(report.get("noiseLevel")));
        }
        if (report.get("escape") instanceof Map<?, ?> escape) {
            out.printf("escape directions:       <grad f, D0>/||D0 X^T|| = %s, min_i <Hess f[Di], Di>/||Di X^T||^2 "
                    + "= %s%s%n", number(escape.get("gradientRatio")), number(escape.get("hessianRatio")),
                    Boolean.TRUE.equals(escape.get("certifiesDescent")) ? " (descent certified)" : "");
            out.printf("tangent-normal split:    ||E|| = %s, ||E_T|| = %s, ||E_N|| = %s (residual %s)%n",
                    number(escape.get("errorNorm")), number(escape.get("tangentNorm")),
                    number(escape.get("normalNorm")), number(escape.get("splitResidual")));
        }
        if (report.containsKey("deltaCritical")) {
            out.printf("deltaCritical:           %s%n", number(report.get("deltaCritical")));
        }
        if (report.containsKey("ripConstant")) {
            out.printf("ripConstant (given):     %s%n", number(report.get("ripConstant")));
        }
        if (report.get("errorBounds") instanceof Map<?, ?> bounds) {
            for (Map.Entry<?, ?> e : bounds.entrySet()) {
                if (e.getValue() instanceof Map<?, ?> b) {
                    out.printf("error bound (%s): %s%n    %s%n", e.getKey(), number(b.get("bound")), b.get("theorem"));
                }
            }
            out.printf("actual error:            %s%n", number(bounds.get("error")));
        }
        if (report.get("highOrder") instanceof Map<?, ?> high) {
            out.printf("Theorem 6 (seed 004):    lambda = %s, l = %s: inequality (10) %s; eigenvalue bound (11) %s%n",
                    number(high.get("lambda")), high.get("order"),
                    Boolean.TRUE.equals(high.get("inequality10Holds")) ? "holds" : "fails",
                    number(high.get("eigenvalueBound11")));
        }
        if (report.get("ripEstimate") instanceof Map<?, ?> rip) {
            out.printf("RIP constant estimate:   >= %s (rank %s, %s samples%s)%n", number(rip.get("lowerBound")),
                    rip.get("rank"), rip.get("samples"), Boolean.TRUE.equals(rip.get("symmetric")) ? ", symmetric" : "");
        }
        out.println("descent near the point:");
        for (Object o : (List<?>) report.get("descent")) {
            Map<?, ?> d = (Map<?, ?>) o;
            out.printf("  radius %-10s decrease %s%n", number(d.get("radius")), number(d.get("decrease")));
        }
        out.printf("descent exponent:        %s%n", number(report.get("descentExponent")));
        return 0;
    }

    /** A number as printed: {@code n/a} when undefined, {@code inf} when unbounded. */
    private static String number(Object value) {
        if (!(value instanceof Number n)) {
            return String.valueOf(value);
        }
        double d = n.doubleValue();
        if (Double.isNaN(d)) {
            return "n/a";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        return String.format("%.6g", d);
    }
}
