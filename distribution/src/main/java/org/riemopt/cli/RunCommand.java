package org.riemopt.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.riemopt.solver.Result;
import org.riemopt.spec.Instance;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code riemopt run SPEC}: solves the problem a spec describes. */
@Command(name = "run", description = "Solve the problem described by a spec (YAML or JSON).")
final class RunCommand extends Subcommand implements Callable<Integer> {


    @Mixin
    private SpecFile spec;

    @Mixin
    private JsonOutput json;

    @Option(names = "--trace", paramLabel = "FILE", description = "write the per-iteration records as CSV")
    private Path trace;

    @Override
    public Integer call() throws Exception {
        Instance<?, ?> instance = load(spec);
        Summary summary = solveAndMeasure(instance);
        if (trace != null) {
            TraceCsv.write(trace, summary.result().trace());
        }
        var out = out();
        Result<?> r = summary.result();
        if (json.enabled) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("solver", r.solver());
            o.put("stopReason", r.stopReason().criterion());
            o.put("stopMessage", r.stopReason().message());
            o.put("iterations", r.iterations());
            o.put("cost", r.cost());
            o.put("gradientNorm", r.gradientNorm());
            o.put("timeSeconds", r.timeSeconds());
            o.put("seed", instance.seed());
            if (instance.truth() != null) {
                o.put("relativeError", summary.relativeError());
            }
            out.println(Json.write(o));
        } else {
            out.printf("%s on %s%n", r.solver(), instance.space().manifold().name());
            out.printf("  stopped:        %s (%s)%n", r.stopReason().criterion(), r.stopReason().message());
            out.printf("  iterations:     %d%n", r.iterations());
            out.printf("  cost:           %.6e%n", r.cost());
            out.printf("  gradient norm:  %.6e%n", r.gradientNorm());
            if (instance.truth() != null) {
                out.printf("  relative error: %.6e%n", summary.relativeError());
            }
            out.printf("  time:           %.3f s%n", r.timeSeconds());
            out.printf("  seed:           %d%n", instance.seed());
        }
        return 0;
    }

    private record Summary(Result<?> result, double relativeError) {
    }

    private static <P, T> Summary solveAndMeasure(Instance<P, T> instance) {
        Result<P> result = Subcommand.solve(instance);
        return new Summary(result, instance.relativeError(result.point()));
    }
}
