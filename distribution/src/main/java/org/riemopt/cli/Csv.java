package org.riemopt.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The CSV tables of {@code compare} and {@code sweep}: a header row, then rows of plain cells. No cell holds a comma,
 * a quote or a line break (names, numbers, swept values from a comma list), so there is no quoting.
 *
 * @param header the column names
 * @param rows   the rows, each as long as the header
 */
record Csv(List<String> header, List<List<String>> rows) {

    /** Writes the table, whole or not at all. */
    void write(Path target) throws IOException {
        AtomicFiles.write(target, stream -> {
            Writer w = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            w.write(String.join(",", header));
            w.write('\n');
            for (List<String> row : rows) {
                w.write(String.join(",", row));
                w.write('\n');
            }
            w.flush();
        });
    }

    /**
     * Reads a table that {@link #write} wrote.
     *
     * @throws IllegalArgumentException if the file is empty or a row's length differs from the header's
     */
    static Csv read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + " is empty; expected a header row");
        }
        List<String> header = cells(lines.get(0));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isEmpty()) {
                continue;
            }
            List<String> row = cells(lines.get(i));
            if (row.size() != header.size()) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + " has " + row.size() + " cells; the "
                        + "header has " + header.size());
            }
            rows.add(row);
        }
        return new Csv(header, rows);
    }

    private static List<String> cells(String line) {
        return Arrays.asList(line.split(",", -1));
    }
}
