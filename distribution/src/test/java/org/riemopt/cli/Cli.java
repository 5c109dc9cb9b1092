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
