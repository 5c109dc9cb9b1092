package org.riemopt.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs the command line in-process for tests and reads its JSON output. */
final class Cli {

    /** The repository's examples folder, seen from the distribution module. */
    static final Path EXAMPLES = Path.of("..", "examples");

    private Cli() {
    }

    /** A 2 x 2 rank-1 sensing problem with three measurements that trust-regions solves in a few steps. */
    static String smallSpec(String loss) {
        return """
                seed: 3
                manifold: {type: fixed-rank, rows: 2, cols: 2, rank: 1}
                operator:
                  type: explicit
                  matrices: [[[1, 0], [0, 1]], [[0, 1], [1, 0]], [[1, 2], [3, 4]]]
                measurements: [1, 0, 1]
                loss: LOSS
                """.replace("LOSS", loss);
    }

    /** What one invocation printed and returned. */
    record Run(int status, String out, String err) {
    }

    static Run riemopt(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Riemopt.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(status, out.toString(), err.toString());
    }

    /** The number at {@code key} in a flat JSON object. */
    static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":([-0-9.eE]+)").matcher(json);
        assertTrue(m.find(), key + " in " + json);
        return Double.parseDouble(m.group(1));
    }
}
