package org.riemopt.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.knowm.xchart.XYChart;
import org.riemopt.spec.Instance;
import org.riemopt.spec.SpecException;
import org.riemopt.spec.SpecLoader;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code riemopt sweep SPEC --param KEY=VALUES... --trials N --out DIR}: the spec's solver on N seeded trials
 * ({@link Trials}) at every point of a grid over spec keys ({@link SweepGrid}), summarized per point, with
 * {@code sweep.csv} and {@code sweep.png}. Every trial is a task numbered {@code point * N + trial};
 * {@code --shard i/S} runs the tasks whose number is {@code i} modulo {@code S}, and {@code sweep merge} combines
 * the shards' tables ({@link SweepMergeCommand}).
 */
@Command(name = "sweep", subcommands = SweepMergeCommand.class,
        description = "Run the spec's solver on N seeded trials (trial t uses seed s + t) at every point of a grid "
                + "over spec keys, and summarize per point: success rate under the spec's success: rule, quartiles "
                + "of iterations, time and final error. Writes sweep.csv and sweep.png in DIR.")
final class SweepCommand extends Subcommand implements Callable<Integer> {

    /** Name of the table in the output directory. */
    static final String CSV = "sweep.csv";
    /** Name of the picture in the output directory. */
    static final String PNG = "sweep.png";
    /** Seconds between rewrites of the table while a sweep runs, so that an interrupted one can be resumed. */
    private static final double CHECKPOINT_SECONDS = 10;
    private static final Pattern SHARD = Pattern.compile("(\\d+)/(\\d+)");

    @Parameters(paramLabel = "SPEC", arity = "0..1", description = "the problem spec file (YAML or JSON)")
    private Path specPath;

    @Option(names = "--param", paramLabel = "KEY=VALUES",
            description = "a swept spec key (dotted; list indices 0-based) and its values: an integer range a..b "
                    + "or a comma list, e.g. manifold.cols=1..6 or loss.1.weight=0,0.5,5; repeatable, the grid is "
                    + "every combination, the first key varying slowest")
    private List<String> params = new ArrayList<>();

    @Mixin
    private TrialOptions trials;

    @Mixin
    private JsonOutput json;

    @Option(names = "--out", paramLabel = "DIR",
            description = "the directory to write " + CSV + " and " + PNG + " in (created if missing)")
    private Path outDir;

    @Option(names = "--resume", description = "keep the rows already in DIR's table (matched by grid point and "
            + "trial) and run only the missing trials")
    private boolean resume;

    @Option(names = "--shard", paramLabel = "i/S", description = "run only the tasks (point * N + trial) equal to i "
            + "modulo S, 0 <= i < S, into sweep-shard-i-of-S.csv and no plot; combine with sweep merge")
    private String shard;

    @Override
    public Integer call() throws Exception {
        if (specPath == null) {
            throw new ParameterException(command.commandLine(), "give the SPEC file to sweep (or use sweep merge "
                    + "DIR... --out DIR to combine shards)");
        }
        if (params.isEmpty()) {
            throw new ParameterException(command.commandLine(), "give at least one --param KEY=VALUES, e.g. "
                    + "--param manifold.cols=1..6");
        }
        if (outDir == null) {
            throw new ParameterException(command.commandLine(), "give --out DIR, the directory for " + CSV + " and "
                    + PNG);
        }
        trials.check(command.commandLine());
        SweepGrid grid;
        try {
            grid = SweepGrid.parse(params);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), e.getMessage());
        }
        int[] slice = shard();
        AtomicFiles.prepareDirectory(outDir, command.commandLine(), specPath,
                slice == null ? CSV : shardFile(slice[0], slice[1]), PNG);
        SpecDocument document = SpecDocument.read(specPath);
        SpecLoader loader = parent.specLoader();

        // every grid point's spec, loaded once (trial 0) so that a bad key or value shows before any work
        List<SpecDocument> points = new ArrayList<>();
        SuccessRule rule = null;
        for (int p = 0; p < grid.size(); p++) {
            SpecDocument point;
            Instance<?, ?> instance;
            try {
                point = grid.apply(document, p);
                instance = Trials.trial(point, 0).resolve(loader);
            } catch (IllegalArgumentException e) {
                // the --param key does not fit the spec: a usage error, with the hint
                throw new ParameterException(command.commandLine(), "at " + describe(grid.keys(), grid.labels(p))
                        + ": " + e.getMessage());
            } catch (SpecException e) {
                // the spec refuses the value (or was wrong already): a spec error, one line as for run
                throw new SpecException("", "at " + describe(grid.keys(), grid.labels(p)) + ": " + e.getMessage(), e);
            }
            points.add(point);
            rule = rule != null ? rule : Trials.successRule(document, instance);
        }
        SuccessRule success = rule;

        int n = trials.count;
        Path csv = outDir.resolve(slice == null ? CSV : shardFile(slice[0], slice[1]));
        List<String> header = SweepRow.header(grid.keys());
        TreeMap<Long, SweepRow> rows = resume && Files.exists(csv) ? resumed(csv, header, grid, slice)
                : new TreeMap<>();
        int kept = rows.size();
        List<Long> todo = new ArrayList<>();
        for (long task = 0; task < (long) grid.size() * n; task++) {
            if ((slice == null || task % slice[1] == slice[0]) && !rows.containsKey(task)) {
                todo.add(task);
            }
        }
        List<Callable<SweepRow>> tasks = new ArrayList<>();
        for (long task : todo) {
            int p = (int) (task / n);
            int trial = (int) (task % n);
            tasks.add(() -> new SweepRow(p, grid.labels(p), Trials.run(points.get(p), trial, loader, success)
                    .outcome()));
        }
        Progress progress = new Progress(err(), "sweep", tasks.size(), parent.progressStyle());
        long[] lastWrite = {System.nanoTime()};
        TrialPool.run(tasks, trials.threads, (i, row) -> {
            rows.put(todo.get(i), row);
            progress.finished(describe(grid.keys(), row.values()) + " trial " + row.outcome().trial() + ": "
                    + row.outcome().stopReason() + " after " + row.outcome().iterations() + " iterations, "
                    + (row.outcome().success() ? "success" : "failure"));
            if ((System.nanoTime() - lastWrite[0]) * 1e-9 > CHECKPOINT_SECONDS) {
                write(csv, header, rows.values());
                lastWrite[0] = System.nanoTime();
            }
        });
        write(csv, header, rows.values());

        if (slice != null) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("shard", slice[0]);
            o.put("shards", slice[1]);
            o.put("tasks", rows.size());
            o.put("ran", tasks.size());
            o.put("resumed", kept);
            o.put("csv", csv.toString());
            if (json.enabled) {
                out().println(Json.write(o));
            } else {
                out().printf("shard %d/%d: %d tasks (%d run now, %d kept from before); wrote %s%n", slice[0],
                        slice[1], rows.size(), tasks.size(), kept, csv);
            }
            return 0;
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("trials", n);
        o.put("seed", Trials.baseSeed(document));
        o.put("success", success.text());
        o.put("ran", tasks.size());
        o.put("resumed", kept);
        String intro = String.format("%d trials per point of %s (seeds %d to %d), success: %s%s", n, specPath,
                Trials.baseSeed(document), Trials.baseSeed(document) + n - 1, success.text(),
                kept > 0 ? String.format("; %d trials kept from before", kept) : "");
        report(grid.keys(), List.copyOf(rows.values()), outDir, csv, o, intro, json.enabled, command.commandLine());
        return 0;
    }

    /** The {@code --shard} option as {@code {i, S}}, or {@code null}. */
    private int[] shard() {
        if (shard == null) {
            return null;
        }
        Matcher m = SHARD.matcher(shard);
        int i = -1;
        int count = 0;
        if (m.matches()) {
            try {
                i = Integer.parseInt(m.group(1));
                count = Integer.parseInt(m.group(2));
            } catch (NumberFormatException e) {
                i = -1;
            }
        }
        if (i < 0 || count < 1 || i >= count) {
            throw new ParameterException(command.commandLine(), "--shard " + shard + ": expected i/S with "
                    + "0 <= i < S, e.g. 0/4 (shards are numbered from 0, as Slurm's --array=0-3)");
        }
        return new int[] {i, count};
    }

    /** The file name of shard {@code i} of {@code count}. */
    static String shardFile(int i, int count) {
        return "sweep-shard-" + i + "-of-" + count + ".csv";
    }

    /** The rows of a table written by an earlier run of this same sweep, by task number. */
    private TreeMap<Long, SweepRow> resumed(Path csv, List<String> header, SweepGrid grid, int[] slice)
            throws IOException {
        TreeMap<Long, SweepRow> rows = new TreeMap<>();
        try {
            Csv table = Csv.read(csv);
            if (!table.header().equals(header)) {
                throw new IllegalArgumentException("its columns are " + String.join(",", table.header())
                        + ", this sweep's are " + String.join(",", header));
            }
            for (List<String> cells : table.rows()) {
                SweepRow row = SweepRow.parse(cells, grid.keys().size());
                long task = row.task(trials.count);
                if (row.point() < 0 || row.point() >= grid.size() || row.outcome().trial() < 0
                        || row.outcome().trial() >= trials.count || !row.values().equals(grid.labels(row.point()))
                        || (slice != null && task % slice[1] != slice[0])) {
                    throw new IllegalArgumentException("row " + String.join(",", cells) + " is not a task of "
                            + "this sweep");
                }
                if (rows.put(task, row) != null) {
                    throw new IllegalArgumentException("point " + row.point() + " trial " + row.outcome().trial()
                            + " appears twice");
                }
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), "--resume: " + csv + " was not written by this "
                    + "sweep (same spec, --param and --trials): " + e.getMessage());
        }
        return rows;
    }

    static void write(Path csv, List<String> header, Iterable<SweepRow> rows) {
        List<List<String>> cells = new ArrayList<>();
        rows.forEach(r -> cells.add(r.cells()));
        try {
            new Csv(header, cells).write(csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code key=value, key=value}. */
    static String describe(List<String> keys, List<String> values) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < keys.size(); k++) {
            out.add(keys.get(k) + "=" + values.get(k));
        }
        return String.join(", ", out);
    }

    /**
     * Draws {@code sweep.png} of the complete rows of a sweep (ordered by point and trial, as written in
     * {@code csv}) and prints the table, or the JSON summary: {@code head}'s fields, then {@code points} and the
     * files.
     */
    static void report(List<String> keys, List<SweepRow> rows, Path outDir, Path csv, Map<String, Object> head,
                       String intro, boolean json, CommandLine command) throws IOException {
        TreeMap<Integer, List<SweepRow>> byPoint = new TreeMap<>();
        rows.forEach(r -> byPoint.computeIfAbsent(r.point(), p -> new ArrayList<>()).add(r));
        List<TrialOutcome> outcomes = rows.stream().map(SweepRow::outcome).toList();
        boolean relative = TrialStatistics.relativeError(outcomes);
        List<List<String>> labels = new ArrayList<>();
        List<TrialStatistics> statistics = new ArrayList<>();
        for (List<SweepRow> point : byPoint.values()) {
            labels.add(point.get(0).values());
            statistics.add(TrialStatistics.of(point.stream().map(SweepRow::outcome).toList(), relative));
        }
        Path png = outDir.resolve(PNG);
        AtomicFiles.writePng(png, plot(keys, labels, statistics));
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>(head);
            List<Object> points = new ArrayList<>();
            for (int i = 0; i < labels.size(); i++) {
                Map<String, Object> p = new LinkedHashMap<>();
                for (int k = 0; k < keys.size(); k++) {
                    p.put(keys.get(k), labels.get(i).get(k));
                }
                p.putAll(statistics.get(i).json(relative));
                points.add(p);
            }
            o.put("points", points);
            o.put("csv", csv.toString());
            o.put("png", png.toString());
            command.getOut().println(Json.write(o));
        } else {
            command.getOut().println(intro);
            command.getOut().print(TrialStatistics.table(keys, labels, statistics, relative));
            command.getOut().printf("wrote %s and %s%n", csv, png);
        }
    }

    /**
     * Success rate against the first key, one line per combination of the other keys' values. The first key's
     * values are placed at their numeric value when they all are numbers, else at 0, 1, ... with their labels.
     */
    private static BufferedImage plot(List<String> keys, List<List<String>> labels, List<TrialStatistics> statistics) {
        List<String> xs = new ArrayList<>();
        labels.forEach(l -> {
            if (!xs.contains(l.get(0))) {
                xs.add(l.get(0));
            }
        });
        boolean numeric = xs.stream().allMatch(SweepCommand::isNumber);
        Map<String, List<double[]>> lines = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            List<String> l = labels.get(i);
            String line = keys.size() == 1 ? "success rate"
                    : describe(keys.subList(1, keys.size()), l.subList(1, l.size()));
            double x = numeric ? Double.parseDouble(l.get(0)) : xs.indexOf(l.get(0));
            lines.computeIfAbsent(line, k -> new ArrayList<>()).add(new double[] {x,
                    statistics.get(i).successRate()});
        }
        List<Charts.Line> series = new ArrayList<>();
        lines.forEach((name, points) -> series.add(new Charts.Line(name,
                points.stream().mapToDouble(p -> p[0]).toArray(), points.stream().mapToDouble(p -> p[1]).toArray())));
        XYChart chart = Charts.rates("Success rate per grid point", keys.get(0), "success rate", series,
                numeric ? null : xs);
        return Charts.sideBySide(chart);
    }

    private static boolean isNumber(String s) {
        try {
            return Double.isFinite(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
