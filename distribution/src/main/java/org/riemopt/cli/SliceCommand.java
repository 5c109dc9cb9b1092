package org.riemopt.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import org.riemopt.problem.Problem;
import org.riemopt.spec.Instance;
import org.riemopt.spec.RandomStreams;
import org.riemopt.spec.SpecException;
import org.riemopt.spec.SpecPoints;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code riemopt slice SPEC --out DIR}: the cost on the plane through a start and a target point
 * ({@link SlicePlane}), written as {@code slice.csv} and drawn as {@code slice.png} ({@link ContourPlot}).
 */
@Command(name = "slice", description = "Evaluate the cost on the plane x0 + a d1 + b d2 through the start x0 and a "
        + "target x1 (d1 = x1 - x0, d2 a seeded random direction orthogonal to d1 of the same norm), on an N x N "
        + "grid centred at x0, and write slice.csv (a, b, cost) and slice.png (a contour plot) in DIR.")
final class SliceCommand extends Subcommand implements Callable<Integer> {

    /** Name of the grid file in the output directory. */
    static final String CSV = "slice.csv";
    /** Name of the picture in the output directory. */
    static final String PNG = "slice.png";

    /** Seconds after which progress is reported on stderr. */
    private static final double QUIET_SECONDS = 3;

    @Mixin
    private SpecFile spec;

    @Mixin
    private JsonOutput json;

    @Option(names = "--from", paramLabel = "POINT", defaultValue = "init",
            description = "the start x0, at the grid's centre: init (the spec's initial point), truth, or a point "
                    + "file as init: {file: ...} reads (default: ${DEFAULT-VALUE})")
    private String from;

    @Option(names = "--towards", paramLabel = "POINT", defaultValue = "truth",
            description = "the target x1, at (a, b) = (1, 0): truth (the truth's factorization, as init: {type: "
                    + "truth}), init, or a point file (default: ${DEFAULT-VALUE})")
    private String towards;

    @Option(names = "--grid", paramLabel = "N", defaultValue = "101",
            description = "grid points per axis, odd and at least 3, so that x0 is the centre node "
                    + "(default: ${DEFAULT-VALUE})")
    private int grid;

    @Option(names = "--extent", paramLabel = "S", defaultValue = "2",
            description = "a and b range over [-S, S]; S >= 1 so that the target shows (default: ${DEFAULT-VALUE}, "
                    + "for which a = 1 is a grid node whenever (N - 1)/4 is an integer)")
    private double extent;

    @Option(names = "--seed", paramLabel = "SEED",
            description = "seed of the second direction d2 (default: the spec's seed)")
    private Long seed;

    @Option(names = "--no-align", description = "for factor lifts (XX^T, UV^T), do not rotate the target onto the start first "
                    + "(orthogonal Procrustes; the target's matrix and cost are the same either way)")
    private boolean noAlign;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "the directory to write " + CSV + " and " + PNG + " in (created if missing)")
    private Path outDir;

    @Override
    public Integer call() throws IOException {
        if (grid < 3 || grid % 2 == 0) {
            throw new ParameterException(command.commandLine(), "--grid " + grid + ": give an odd number of at "
                    + "least 3 points per axis, so that the start is the grid's centre node");
        }
        if (!(extent >= 1) || Double.isInfinite(extent)) {
            throw new ParameterException(command.commandLine(), "--extent " + extent + ": give a finite number of "
                    + "at least 1, so that the target at (1, 0) lies inside the grid");
        }
        if (from.equals(towards)) {
            throw new ParameterException(command.commandLine(), "--from and --towards are both " + from
                    + "; a slice needs two distinct points");
        }
        AtomicFiles.prepareDirectory(outDir, command.commandLine(), spec.path, CSV, PNG);
        Instance<?, ?> instance = load(spec);
        Map<String, Object> summary = slice(instance);
        if (json.enabled) {
            out().println(Json.write(summary));
        } else {
            out().printf("slice of %s on a %d x %d grid, a and b in [-%s, %s]%n", spec.path, grid, grid,
                    extent, extent);
            out().printf("  cost at %s (0, 0):  %.10g%n", from, (double) summary.get("costAtFrom"));
            out().printf("  cost at %s (1, 0):  %.10g%n", towards, (double) summary.get("costAtTowards"));
            out().printf("  cost on the grid:  %.6g to %.6g%n", (double) summary.get("minCost"),
                    (double) summary.get("maxCost"));
            out().printf("  wrote %s and %s%n", summary.get("csv"), summary.get("png"));
        }
        return 0;
    }

    private <P, T> Map<String, Object> slice(Instance<P, T> instance) throws IOException {
        P start = point(instance, from, "--from");
        P target = point(instance, towards, "--towards");
        Problem<P, T> problem = instance.problem();
        SlicePlane<P> plane;
        try {
            plane = SlicePlane.of(start, target, problem.lift(), !noAlign,
                    RandomStreams.DIAGNOSTICS.forSeed(seed == null ? instance.seed() : seed));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), "slice: " + e.getMessage());
        }
        int half = grid / 2;
        double[] coordinates = new double[grid];
        for (int i = 0; i < grid; i++) {
            // an exact 0 at the centre node, and an exact 1 whenever it is a node
            coordinates[i] = extent * (i - half) / half;
        }
        double[][] cost = new double[grid][grid];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        long began = System.nanoTime();
        int reported = 0;
        PrintWriter err = command.commandLine().getErr();
        boolean progress = parent.progressStyle() != ProgressStyle.NONE;
        for (int i = 0; i < grid; i++) {
            for (int j = 0; j < grid; j++) {
                double c = problem.cost(plane.at(coordinates[i], coordinates[j]));
                cost[i][j] = c;
                if (Double.isFinite(c)) {
                    min = Math.min(min, c);
                    max = Math.max(max, c);
                }
            }
            // progress only for slow slices, on stderr so that --json output stays clean
            int percent = 100 * (i + 1) / grid;
            if (progress && (System.nanoTime() - began) * 1e-9 > QUIET_SECONDS && percent >= reported + 10) {
                reported = percent - percent % 10;
                err.printf("riemopt slice: %d%% of %d cost evaluations%n", percent, grid * grid);
                err.flush();
            }
        }
        Path csv = outDir.resolve(CSV);
        Path png = outDir.resolve(PNG);
        AtomicFiles.write(csv, stream -> writeCsv(stream, coordinates, cost));
        String title = spec.path.getFileName() + ": cost from " + from + " towards " + towards;
        BufferedImage image = ContourPlot.render(coordinates, cost, title, label(from), label(towards));
        AtomicFiles.writePng(png, image);

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("grid", grid);
        summary.put("extent", extent);
        summary.put("from", from);
        summary.put("towards", towards);
        summary.put("aligned", plane.aligned());
        summary.put("distance", plane.distance());
        summary.put("costAtFrom", problem.cost(start));
        summary.put("costAtTowards", problem.cost(plane.target()));
        summary.put("minCost", min);
        summary.put("maxCost", max);
        summary.put("seed", seed == null ? instance.seed() : seed);
        summary.put("csv", csv.toString());
        summary.put("png", png.toString());
        return summary;
    }

    /** The point named on the command line: init, truth or a point file. */
    private <P, T> P point(Instance<P, T> instance, String name, String option) {
        if (name.equals("init")) {
            return instance.start();
        }
        if (name.equals("truth")) {
            if (instance.truth() == null) {
                throw new ParameterException(command.commandLine(), option + " truth: the spec gives no truth; "
                        + "add 'truth' to the spec, or give a point file (as run --save-point writes)");
            }
            return named(option + " truth", () -> SpecPoints.truth(instance));
        }
        Path file = Path.of(name);
        if (!Files.isRegularFile(file)) {
            throw new ParameterException(command.commandLine(), option + " " + name + ": not init, truth or an "
                    + "existing point file (.npz as run --save-point writes, or .npy/.mtx)");
        }
        return named(option + " " + name, () -> SpecPoints.file(instance, file));
    }

    /** Reports a point that cannot be built as an error of the option that named it. */
    private <P> P named(String what, Supplier<P> build) {
        try {
            return build.get();
        } catch (SpecException e) {
            throw new ParameterException(command.commandLine(), what + ": " + e.getMessage());
        }
    }

    /** The name written beside a point's marker: the keyword, or the file name. */
    private static String label(String point) {
        return point.equals("init") || point.equals("truth") ? point : Path.of(point).getFileName().toString();
    }

    /** Rows {@code a, b, cost}, {@code a} varying slowest, so the middle row of the file is the centre node. */
    private static void writeCsv(OutputStream stream, double[] coordinates, double[][] cost) throws IOException {
        Writer w = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        w.write("a,b,cost\n");
        for (int i = 0; i < coordinates.length; i++) {
            for (int j = 0; j < coordinates.length; j++) {
                w.write(coordinates[i] + "," + coordinates[j] + "," + cost[i][j] + "\n");
            }
        }
        w.flush();
    }
}
