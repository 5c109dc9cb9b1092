package org.riemopt.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
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

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code riemopt sweep merge DIR... --out DIR}: combines the tables of a sharded sweep
 * ({@code sweep-shard-i-of-S.csv}) into the {@code sweep.csv}, {@code sweep.png} and summary an unsharded run
 * writes. The rows are copied as they are, ordered by grid point and trial.
 */
@Command(name = "merge", description = "Combine the shard tables (sweep-shard-i-of-S.csv) found in the DIRs into "
        + "sweep.csv and sweep.png in --out, as an unsharded sweep writes them, and print the summary.")
final class SweepMergeCommand implements Callable<Integer> {

    private static final Pattern SHARD_FILE = Pattern.compile("sweep-shard-(\\d+)-of-(\\d+)\\.csv");

    @picocli.CommandLine.Spec
    private CommandSpec command;

    @Parameters(paramLabel = "DIR", arity = "1..*", description = "directories holding the shards' tables")
    private List<Path> inputs;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "the directory to write " + SweepCommand.CSV + " and " + SweepCommand.PNG
                    + " in (created if missing)")
    private Path outDir;

    @Mixin
    private Subcommand.JsonOutput json;

    @Override
    public Integer call() throws IOException {
        AtomicFiles.prepareDirectory(outDir, command.commandLine(), null, SweepCommand.CSV,
                SweepCommand.PNG);
        TreeMap<Integer, Path> shards = new TreeMap<>();
        int count = -1;
        for (Path dir : inputs) {
            if (!Files.isDirectory(dir)) {
                throw usage(dir + " is not a directory; give the directories the shards wrote their tables in");
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "sweep-shard-*-of-*.csv")) {
                for (Path file : files) {
                    Matcher m = SHARD_FILE.matcher(file.getFileName().toString());
                    if (!m.matches()) {
                        continue;
                    }
                    int i = Integer.parseInt(m.group(1));
                    int of = Integer.parseInt(m.group(2));
                    if (count >= 0 && of != count) {
                        throw usage(file + " is a shard of " + of + ", " + shards.firstEntry().getValue()
                                + " one of " + count + "; merge the shards of one sweep");
                    }
                    count = of;
                    Path before = shards.put(i, file);
                    if (before != null && !Files.isSameFile(before, file)) {
                        throw usage("shard " + i + " of " + of + " is in both " + before + " and " + file);
                    }
                }
            }
        }
        if (count < 0) {
            throw usage("no sweep-shard-i-of-S.csv in " + inputs);
        }
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (!shards.containsKey(i)) {
                missing.add(i);
            }
        }
        if (!missing.isEmpty()) {
            throw usage("shards " + missing + " of " + count + " are missing; run them (sweep --shard i/" + count
                    + ") first");
        }

        List<String> header = null;
        TreeMap<List<Integer>, SweepRow> rows = new TreeMap<>((a, b) -> a.get(0).equals(b.get(0))
                ? Integer.compare(a.get(1), b.get(1)) : Integer.compare(a.get(0), b.get(0)));
        for (Path file : shards.values()) {
            Csv table;
            try {
                table = Csv.read(file);
            } catch (IllegalArgumentException e) {
                throw usage(e.getMessage());
            }
            if (header == null) {
                header = table.header();
                if (header.size() < 1 + TrialOutcome.COLUMNS.size() + 1 || !header.get(0).equals("point")) {
                    throw usage(file + " is not a sweep table: its columns are " + String.join(",", header));
                }
            } else if (!header.equals(table.header())) {
                throw usage(file + " has columns " + String.join(",", table.header()) + ", the other shards "
                        + String.join(",", header) + "; merge the shards of one sweep");
            }
            int keys = header.size() - 1 - TrialOutcome.COLUMNS.size();
            for (List<String> cells : table.rows()) {
                SweepRow row;
                try {
                    row = SweepRow.parse(cells, keys);
                } catch (IllegalArgumentException e) {
                    throw usage(file + ": " + e.getMessage());
                }
                if (rows.put(List.of(row.point(), row.outcome().trial()), row) != null) {
                    throw usage("point " + row.point() + " trial " + row.outcome().trial() + " appears twice (in "
                            + file + ")");
                }
            }
        }
        List<String> keys = header.subList(1, header.size() - TrialOutcome.COLUMNS.size());
        Path csv = outDir.resolve(SweepCommand.CSV);
        List<SweepRow> merged = List.copyOf(rows.values());
        SweepCommand.write(csv, header, merged);
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("shards", count);
        head.put("rows", merged.size());
        SweepCommand.report(keys, merged, outDir, csv, head, "merged " + count + " shards, " + merged.size()
                + " trials", json.enabled, command.commandLine());
        return 0;
    }

    private ParameterException usage(String message) {
        return new ParameterException(command.commandLine(), "sweep merge: " + message);
    }
}
