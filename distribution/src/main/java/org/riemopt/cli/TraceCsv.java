package org.riemopt.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Consumer;

import org.riemopt.solver.IterationRecord;

/**
 * Writes a run's iteration records as CSV while the run goes: {@code iteration, cost, gradientNorm, timeSeconds},
 * then the solver's own fields in the order it reports them. A listener of the solve: the first record's fields
 * define the header, written with the first row; each row is flushed when its iteration is recorded, so an
 * interrupted run leaves a valid CSV of the iterations so far. The file is opened at the first record (a spec
 * error before the solve leaves no file), through symbolic links, with the user's umask.
 */
final class TraceCsv implements Consumer<IterationRecord>, AutoCloseable {

    private final Path target;
    private final PrintWriter stdout;
    private Writer writer;
    private int records;

    private TraceCsv(Path target, PrintWriter stdout) {
        this.target = target;
        this.stdout = stdout;
    }

    /** A trace written to {@code target} (already checked by {@link OutputFiles#checkFile}). */
    static TraceCsv toFile(Path target) {
        return new TraceCsv(target, null);
    }

    /** A trace written to standard output. */
    static TraceCsv toStdout(PrintWriter out) {
        return new TraceCsv(null, out);
    }

    @Override
    public void accept(IterationRecord r) {
        try {
            if (records == 0) {
                open().write(header(r));
            }
            writer.write(row(r));
            writer.flush();
            records++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the trace " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code trace} if no record was seen while the run went (a solver that does not call listeners), and
     * closes the file.
     */
    void finish(List<IterationRecord> trace) throws IOException {
        if (records == 0) {
            if (trace.isEmpty()) {
                open().write(header(null));
                writer.flush();
            } else {
                trace.forEach(this);
            }
        }
        close();
    }

    @Override
    public void close() throws IOException {
        if (writer != null && stdout == null) {
            writer.close();
        }
    }

    private Writer open() throws IOException {
        if (writer == null) {
            if (stdout != null) {
                writer = stdout;
            } else {
                Path dir = target.toAbsolutePath().getParent();
                if (dir != null) {
                    Files.createDirectories(dir);
                }
                writer = Files.newBufferedWriter(target, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            }
        }
        return writer;
    }

    private static String header(IterationRecord first) {
        StringBuilder header = new StringBuilder("iteration,cost,gradientNorm,timeSeconds");
        if (first != null) {
            first.extra().keySet().forEach(k -> header.append(',').append(k));
        }
        return header.append('\n').toString();
    }

    private static String row(IterationRecord r) {
        StringBuilder line = new StringBuilder();
        line.append(r.iteration()).append(',').append(r.cost()).append(',').append(r.gradientNorm())
                .append(',').append(r.timeSeconds());
        r.extra().values().forEach(v -> line.append(',').append(v));
        return line.append('\n').toString();
    }
}
