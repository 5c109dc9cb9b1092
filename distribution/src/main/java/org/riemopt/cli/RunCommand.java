package org.riemopt.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.riemopt.diagnostics.HeldOutError;
import org.riemopt.solver.IterationRecord;
import org.riemopt.solver.Result;
import org.riemopt.solver.StopReason;
import org.riemopt.spec.Instance;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code riemopt run SPEC}: solves the problem a spec describes. */
@Command(name = "run", description = "Solve the problem described by a spec (YAML or JSON).")
final class RunCommand extends Subcommand implements Callable<Integer> {


    @Mixin
    private SpecFile spec;

    @Mixin
    private JsonOutput json;

    @Option(names = "--trace", paramLabel = "FILE", description = "write the per-iteration records as CSV, one "
            + "row as each iteration ends; - for stdout (the summary then goes to stderr)")
    private Path trace;

    @Option(names = "--save-point", paramLabel = "FILE", description = "write the final point as a .npz archive of "
            + "its named arrays (matrix; u, v; or u, s, v), which init: {file: FILE} reads back")
    private Path savePoint;

    @Override
    public Integer call() throws Exception {
        if (savePoint != null && !savePoint.getFileName().toString().toLowerCase().endsWith(".npz")) {
            throw new ParameterException(command.commandLine(), "--save-point " + savePoint + ": the point is "
                    + "written as a .npz archive; give a file name ending in .npz");
        }
        boolean traceToStdout = OutputFiles.isStdout(trace);
        if (traceToStdout && json.enabled) {
            throw new ParameterException(command.commandLine(), "--json and --trace - both write on stdout; give "
                    + "the trace a file name, or leave out --json");
        }
        // every output is checked before the spec is solved: unwritable, a directory, or the spec itself
        Path traceFile = trace == null || traceToStdout ? null
                : OutputFiles.checkFile(command.commandLine(), "--trace", trace, spec.path);
        if (savePoint != null) {
            Path pointFile = OutputFiles.checkFile(command.commandLine(), "--save-point", savePoint, spec.path);
            if (pointFile.equals(traceFile)) {
                throw new ParameterException(command.commandLine(), "--trace " + trace + " and --save-point "
                        + savePoint + " are the same file; give two file names");
            }
        }
        // a line redrawn on the terminal would cut through the CSV rows of --trace -
        ProgressStyle style = traceToStdout && parent.progressStyle() == ProgressStyle.LIVE ? ProgressStyle.NONE
                : parent.progressStyle();
        Instance<?, ?> instance = load(spec);
        Measured summary;
        // with the trace on stdout, the summary goes to stderr so that stdout is one CSV table
        var out = traceToStdout ? err() : out();
        IterationProgress progress = new IterationProgress(err(), style, "run");
        try (TraceCsv csv = trace == null ? null
                : traceToStdout ? TraceCsv.toStdout(out()) : TraceCsv.toFile(traceFile)) {
            List<Consumer<IterationRecord>> listeners = csv == null ? List.of(progress) : List.of(csv, progress);
            // the first Ctrl-C or SIGTERM ends the solve after its iteration, and the partial result is reported
            summary = parent.interrupts().during(cancellation ->
                    Measured.solve(instance, savePoint, trace != null, listeners, cancellation));
            if (csv != null) {
                csv.finish(summary.result().trace());
            }
        } finally {
            progress.finish();
        }
        Result<?> r = summary.result();
        if (json.enabled) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("solver", r.solver());
            o.put("stopReason", r.stopReason().criterion());
            o.put("stopMessage", r.stopReason().message());
            o.put("converged", r.stopReason().converged());
            o.put("iterations", r.iterations());
            o.put("cost", r.cost());
            o.put("gradientNorm", r.gradientNorm());
            o.put("timeSeconds", r.timeSeconds());
            o.put("operatorPasses", summary.work().operatorPasses());
            o.put("hessianVectorProducts", summary.work().hessianVectorProducts());
            o.put("innerIterations", summary.innerIterations());
            o.put("seed", instance.seed());
            if (instance.truth() != null) {
                o.put("relativeError", summary.relativeError());
            }
            if (!Double.isNaN(summary.heldOutError())) {
                o.put("heldOutRelativeRms", summary.heldOutError());
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
            if (!Double.isNaN(summary.heldOutError())) {
                out.printf("  held-out error: %.6e (RMS of X - M* over %d unobserved entries, relative to RMS of M*)%n",
                        summary.heldOutError(), HeldOutError.DEFAULT_SAMPLES);
            }
            out.printf("  time:           %.3f s%n", r.timeSeconds());
            out.printf("  work:           %d operator passes, %d Hessian-vector products, %d inner iterations%n",
                    summary.work().operatorPasses(), summary.work().hessianVectorProducts(), summary.innerIterations());
            out.printf("  seed:           %d%n", instance.seed());
        }
        // a signal that came after the solver's last check leaves a complete result, reported as such
        int interrupted = parent.interrupts().status();
        if (interrupted != 0 && r.stopReason().criterion().equals(StopReason.INTERRUPTED)) {
            err().println("riemopt: " + Riemopt.INTERRUPTED);
            return interrupted;
        }
        // A numerical failure is not success: the run ended on its last finite iterate, reported above.
        return r.stopReason().criterion().equals(StopReason.NON_FINITE) ? Riemopt.RUN_FAILED : 0;
    }
}
