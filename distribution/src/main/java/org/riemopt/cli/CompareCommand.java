package org.riemopt.cli;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import org.knowm.xchart.XYChart;
import org.riemopt.spec.Instance;
import org.riemopt.spec.SpecException;
import org.riemopt.spec.SpecLoader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code riemopt compare SPEC --solvers a,b --trials N --out DIR}: every solver on the same seeded trials of a spec
 * ({@link Trials}), summarized per solver ({@link TrialStatistics}), with {@code trials.csv} and
 * {@code convergence.png}.
 */
@Command(name = "compare", description = "Run solvers on the same N seeded trials of a spec (trial t uses seed "
        + "s + t) and summarize per solver: success rate under the spec's success: rule, quartiles of iterations, "
        + "time and final error. Writes trials.csv and convergence.png in DIR.")
final class CompareCommand extends Subcommand implements Callable<Integer> {

    /** Name of the per-trial table in the output directory. */
    static final String CSV = "trials.csv";
    /** Name of the convergence picture in the output directory. */
    static final String PNG = "convergence.png";
    /** Points of the time axis of the convergence plot. */
    private static final int TIME_POINTS = 200;

    @Mixin
    private SpecFile spec;

    @Mixin
    private JsonOutput json;

    @Option(names = "--solvers", paramLabel = "NAME", split = ",",
            description = "solvers to compare, by registered name (default: the spec's own solver); options come "
                    + "from the spec's solvers: map, else from solver: when its type matches, else the defaults")
    private List<String> solvers = new ArrayList<>();

    @Mixin
    private TrialOptions trials;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "the directory to write " + CSV + " and " + PNG + " in (created if missing)")
    private Path outDir;

    @Override
    public Integer call() throws Exception {
        trials.check(command.commandLine());
        if (new LinkedHashSet<>(solvers).size() != solvers.size()) {
            throw new ParameterException(command.commandLine(), "--solvers " + String.join(",", solvers)
                    + ": a solver is named twice");
        }
        AtomicFiles.prepareDirectory(outDir, command.commandLine(), spec.path, CSV, PNG);
        SpecDocument document = SpecDocument.read(spec.path);
        SpecLoader loader = parent.specLoader();

        // each solver's spec, loaded once (trial 0) so that a spec error shows before any work
        List<SpecDocument> specs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        SuccessRule rule = null;
        for (SpecDocument s : solverSpecs(document)) {
            Instance<?, ?> instance = Trials.trial(s, 0).resolve(loader);
            specs.add(s);
            names.add(instance.solver().name());
            rule = rule != null ? rule : Trials.successRule(document, instance);
        }
        SuccessRule success = rule;

        int n = trials.count;
        List<Callable<Trials.Run>> tasks = new ArrayList<>();
        for (SpecDocument s : specs) {
            for (int t = 0; t < n; t++) {
                int trial = t;
                tasks.add(() -> Trials.run(s, trial, loader, success));
            }
        }
        Progress progress = new Progress(err(), "compare", tasks.size(), parent.progressStyle());
        List<Trials.Run> runs = TrialPool.run(tasks, trials.threads, (i, r) -> progress.finished(
                names.get(i / n) + " trial " + r.outcome().trial() + ": " + r.outcome().stopReason() + " after "
                        + r.outcome().iterations() + " iterations, " + (r.outcome().success() ? "success" : "failure")));

        List<List<String>> rows = new ArrayList<>();
        runs.forEach(r -> rows.add(r.outcome().cells()));
        Path csv = outDir.resolve(CSV);
        new Csv(TrialOutcome.COLUMNS, rows).write(csv);
        Path png = outDir.resolve(PNG);
        AtomicFiles.writePng(png, convergence(names, runs, n));

        List<TrialOutcome> outcomes = runs.stream().map(Trials.Run::outcome).toList();
        boolean relative = TrialStatistics.relativeError(outcomes);
        List<TrialStatistics> statistics = IntStream.range(0, names.size())
                .mapToObj(i -> TrialStatistics.of(outcomes.subList(i * n, (i + 1) * n), relative)).toList();
        if (json.enabled) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("trials", n);
            o.put("seed", Trials.baseSeed(document));
            o.put("success", success.text());
            List<Object> perSolver = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("solver", names.get(i));
                s.putAll(statistics.get(i).json(relative));
                perSolver.add(s);
            }
            o.put("solvers", perSolver);
            o.put("csv", csv.toString());
            o.put("png", png.toString());
            out().println(Json.write(o));
        } else {
            out().printf("%d trials of %s (seeds %d to %d), success: %s%n", n, spec.path, Trials.baseSeed(document),
                    Trials.baseSeed(document) + n - 1, success.text());
            out().print(TrialStatistics.table(List.of("solver"), names.stream().map(List::of).toList(), statistics,
                    relative));
            out().printf("wrote %s and %s%n", csv, png);
        }
        return 0;
    }

    /**
     * The spec of each solver to compare: with {@code solver:} replaced by the named solver and its options from the
     * spec's {@code solvers:} map, else from {@code solver:} when its type matches, else none; without
     * {@code --solvers}, the spec itself.
     */
    private List<SpecDocument> solverSpecs(SpecDocument document) {
        if (solvers.isEmpty()) {
            return List.of(document);
        }
        Object map = document.get("solvers");
        if (map != null && !(map instanceof Map<?, ?>)) {
            throw new SpecException("solvers", "expected a mapping from solver names to their options, got " + map);
        }
        Map<?, ?> options = map == null ? Map.of() : (Map<?, ?>) map;
        Object own = document.get("solver");
        List<SpecDocument> out = new ArrayList<>();
        for (String name : solvers) {
            Map<String, Object> solver = new LinkedHashMap<>();
            solver.put("type", name);
            Object given = options.get(name);
            if (given != null) {
                if (!(given instanceof Map<?, ?> m)) {
                    throw new SpecException("solvers." + name, "expected a mapping of the solver's options, got "
                            + given);
                }
                m.forEach((k, v) -> {
                    if (!k.equals("type")) {
                        solver.put(String.valueOf(k), v);
                    }
                });
            } else if (own instanceof Map<?, ?> m && name.equals(m.get("type"))) {
                m.forEach((k, v) -> solver.put(String.valueOf(k), v));
            }
            out.add(document.with("solver", solver));
        }
        return out;
    }

    /** Median cost against iteration and against time, one line per solver, side by side. */
    private static BufferedImage convergence(List<String> names, List<Trials.Run> runs, int n) {
        List<Charts.Line> byIteration = new ArrayList<>();
        List<Charts.Line> byTime = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            List<Trials.Run> mine = runs.subList(i * n, (i + 1) * n);
            List<double[]> iterations = mine.stream().map(Trials.Run::iterations).toList();
            List<double[]> times = mine.stream().map(Trials.Run::times).toList();
            List<double[]> costs = mine.stream().map(Trials.Run::costs).toList();
            int last = mine.stream().mapToInt(r -> r.outcome().iterations()).max().orElse(0);
            double[] iterationGrid = IntStream.rangeClosed(0, last).asDoubleStream().toArray();
            double end = mine.stream().mapToDouble(r -> r.times()[r.times().length - 1]).max().orElse(0);
            double[] timeGrid = IntStream.range(0, TIME_POINTS).mapToDouble(k -> end * k / (TIME_POINTS - 1))
                    .toArray();
            byIteration.add(new Charts.Line(names.get(i), iterationGrid,
                    Charts.median(iterationGrid, iterations, costs)));
            byTime.add(new Charts.Line(names.get(i), timeGrid, Charts.median(timeGrid, times, costs)));
        }
        XYChart left = Charts.logLines("Median cost over " + n + " trials", "iteration", "cost", byIteration);
        XYChart right = Charts.logLines("Median cost over " + n + " trials", "time (s)", "cost", byTime);
        return Charts.sideBySide(left, right);
    }
}
