package org.riemopt.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.riemopt.solver.IterationRecord;

/**
 * Writes a run's iteration records as CSV: {@code iteration, cost, gradientNorm, timeSeconds}, then the solver's
 * own fields in the order it reports them. The file appears whole or not at all (written beside the target, then
 * moved into place).
 */
final class TraceCsv {

    private TraceCsv() {
    }

    static void write(Path target, List<IterationRecord> trace) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                StringBuilder header = new StringBuilder("iteration,cost,gradientNorm,timeSeconds");
                if (!trace.isEmpty()) {
                    trace.get(0).extra().keySet().forEach(k -> header.append(',').append(k));
                }
                w.write(header.append('\n').toString());
                for (IterationRecord r : trace) {
                    StringBuilder line = new StringBuilder();
                    line.append(r.iteration()).append(',').append(r.cost()).append(',').append(r.gradientNorm())
                            .append(',').append(r.timeSeconds());
                    r.extra().values().forEach(v -> line.append(',').append(v));
                    w.write(line.append('\n').toString());
                }
            }
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
