package org.riemopt.spec;

import java.util.ArrayList;
import java.util.List;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a YAML spec in time linear in its size. A general YAML parser builds a node, an event and a resolved
 * scalar for every number, about fifty times slower than {@link JsonReader} on the numeric arrays where a spec's
 * bulk lives (inline matrices and measurements). So a first pass finds each flow sequence of numbers, e.g.
 * {@code [[0.1, -2], [3e-4, 5]]}, that starts a node, reads it with {@link JsonReader} (whose numbers are typed as
 * YAML types them) and leaves in its place a tagged scalar that stands for it; SnakeYAML's safe constructor reads
 * the rest. A document that fails is read again by SnakeYAML alone, so that errors point into the text as written.
 *
 * <p>The pass only replaces what it recognizes with certainty: a {@code [} at the start of a value (after
 * {@code ": "}, {@code "- "}, or inside a flow collection), outside comments, quoted and block scalars, whose text
 * up to its matching {@code ]} is JSON numbers, commas, brackets and white space, and which is followed by the end
 * of the line, a comment or a flow indicator. Anything else (a {@code .nan}, a trailing comma, a sequence on a line
 * of its own) is left to SnakeYAML, which reads it as before, only slower.
 */
final class YamlReader {

    /** The tag of the scalars that stand for a sequence read by the first pass; its value is the index. */
    private static final Tag ARRAY = new Tag("!riemopt-number-array");

    private final String text;
    private final StringBuilder out;
    private final List<Object> arrays = new ArrayList<>();
    private int at;
    private int copiedTo;
    private int flowDepth;
    /** Where the last failed scan for a number sequence stopped. */
    private int scannedTo;
    /** Where the last tag ({@code !name}) ended, or -1: a sequence right after it keeps the tag's meaning. */
    private int tagEnd = -1;

    private YamlReader(String text) {
        this.text = text;
        this.out = new StringBuilder(Math.min(text.length(), 1 << 16));
    }

    /**
     * The document's value, as SnakeYAML's safe constructor gives it (duplicate keys refused, at most
     * {@code codePointLimit} code points).
     *
     * @throws YAMLException for a document that is not valid YAML (also where SnakeYAML itself fails otherwise)
     */
    static Object read(String text, int codePointLimit) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setCodePointLimit(codePointLimit);
        YamlReader reader = new YamlReader(text);
        String rest = reader.replaceNumberArrays();
        try {
            return new Yaml(new ArrayConstructor(options, reader.arrays)).load(rest);
        } catch (RuntimeException e) {
            // An invalid document: SnakeYAML reads the text as written, so that its message points into the file.
            try {
                return new Yaml(new SafeConstructor(options)).load(text);
            } catch (YAMLException plain) {
                throw plain;
            } catch (RuntimeException plain) {
                // SnakeYAML fails on some invalid documents with a bare exception (a !!seq tag on a scalar: a cast)
                throw new YAMLException("a node does not fit its tag or type", plain);
            }
        }
    }

    /** The safe constructor, plus the tag of the arrays read by the first pass. */
    private static final class ArrayConstructor extends SafeConstructor {
        ArrayConstructor(LoaderOptions options, List<Object> arrays) {
            super(options);
            yamlConstructors.put(ARRAY, new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String index = ((ScalarNode) node).getValue();
                    try {
                        return arrays.get(Integer.parseInt(index));
                    } catch (RuntimeException e) {
                        throw new YAMLException("unknown tag " + ARRAY.getValue() + " " + index);
                    }
                }
            });
        }
    }

    /** The text with every recognized number sequence replaced by its tagged stand-in. */
    private String replaceNumberArrays() {
        boolean nodeStart = true;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '\n') {
                at++;
                // in block context a line starts a key, an entry or the continuation of a scalar
                nodeStart = flowDepth > 0;
                if (flowDepth == 0) {
                    skipIndentation();
                    nodeStart = atBlockIndicator();
                }
            } else if (c == ' ' || c == '\t' || c == '\r') {
                at++;
                // a tab is white space to this pass, but its place in YAML is SnakeYAML's to judge
                nodeStart &= c != '\t';
            } else if (c == '#' && (at == 0 || isBlank(text.charAt(at - 1)) || text.charAt(at - 1) == '\n')) {
                skipToEndOfLine();
            } else if (nodeStart) {
                nodeStart = node(c);
            } else {
                nodeStart = insidePlainScalar(c);
            }
        }
        out.append(text, copiedTo, text.length());
        return out.toString();
    }

    /** Handles the character {@code c} where a node may start; whether a node may start after it. */
    private boolean node(char c) {
        switch (c) {
            case '[' -> {
                // a tagged sequence keeps its tag's meaning, so it is left to SnakeYAML
                int before = at;
                while (before > tagEnd && before > 0 && isBlank(text.charAt(before - 1))) {
                    before--;
                }
                boolean tagged = before == tagEnd;
                if (tagged || !replaceArray()) {
                    flowDepth++;
                    at++;
                    return true;
                }
                return false;
            }
            case '{' -> {
                flowDepth++;
                at++;
                return true;
            }
            case '"', '\'' -> {
                skipQuoted(c);
                return false;
            }
            case '|', '>' -> {
                if (flowDepth == 0) {
                    skipBlockScalar();
                    return false;
                }
                at++;
                return false;
            }
            case '-', '?', ':' -> {
                if (followedByBlank()) {
                    at++;
                    return true;
                }
                at++;
                return false;
            }
            case '&', '!' -> {
                // an anchor or a tag before the node: the node itself comes after it
                while (at < text.length() && !isBlank(text.charAt(at)) && text.charAt(at) != '\n') {
                    at++;
                }
                tagEnd = c == '!' ? at : -1;
                return true;
            }
            default -> {
                return insidePlainScalar(c);
            }
        }
    }

    /** Handles {@code c} inside a plain scalar (or after a node); whether a node may start after it. */
    private boolean insidePlainScalar(char c) {
        at++;
        if (c == ':' && (at >= text.length() || isBlank(text.charAt(at)) || text.charAt(at) == '\n')) {
            return true;
        }
        if (flowDepth > 0) {
            if (c == ',') {
                return true;
            }
            if (c == ']' || c == '}') {
                flowDepth--;
                return false;
            }
            if (c == '[' || c == '{') {
                // not valid inside a plain scalar in flow context; SnakeYAML will say so
                flowDepth++;
                return true;
            }
        }
        return false;
    }

    /**
     * Replaces the flow sequence of numbers starting at {@code at}, if it is one and ends where a node may end;
     * whether it did.
     */
    private boolean replaceArray() {
        if (at < scannedTo) {
            // inside text a failed scan already crossed: it would fail here too, or find a small array
            return false;
        }
        int depth = 0;
        int end = at;
        int newlines = 0;
        for (; end < text.length(); end++) {
            char c = text.charAt(end);
            if (c == '[') {
                if (++depth > JsonReader.MAX_DEPTH) {
                    break;
                }
            } else if (c == ']') {
                if (--depth == 0) {
                    break;
                }
            } else if (c == '\n') {
                newlines++;
            } else if (!isNumberCharacter(c) && c != ',' && c != ' ' && c != '\r') {
                break;
            }
        }
        if (depth != 0 || !endsNode(end + 1)) {
            // Every '[' up to here is left to SnakeYAML: scanning from each again would make a hostile run of
            // brackets quadratic.
            scannedTo = end;
            return false;
        }
        Object value;
        try {
            value = JsonReader.read(text.substring(at, end + 1), "a flow sequence");
        } catch (SpecException e) {
            scannedTo = end;
            return false;
        }
        out.append(text, copiedTo, at).append(ARRAY.getValue()).append(' ').append(arrays.size());
        out.append("\n".repeat(newlines));
        arrays.add(value);
        at = end + 1;
        copiedTo = at;
        return true;
    }

    /** Whether what follows position {@code i} (after blanks) may follow a complete node. */
    private boolean endsNode(int i) {
        while (i < text.length() && isBlank(text.charAt(i))) {
            i++;
        }
        if (i >= text.length()) {
            return true;
        }
        char c = text.charAt(i);
        if (c == '\n' || c == '\r') {
            return true;
        }
        if (c == '#') {
            return isBlank(text.charAt(i - 1));
        }
        return flowDepth > 0 && (c == ',' || c == ']' || c == '}');
    }

    private void skipQuoted(char quote) {
        at++;
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (quote == '"' && c == '\\') {
                at++;
            } else if (c == quote) {
                if (quote == '\'' && at < text.length() && text.charAt(at) == '\'') {
                    at++;
                } else {
                    return;
                }
            }
        }
    }

    /**
     * Skips a literal or folded block scalar: its header line, then every line more indented than the line that
     * holds the header (at least as much as its content needs; blank lines included).
     */
    private void skipBlockScalar() {
        int lineStart = text.lastIndexOf('\n', at) + 1;
        int indent = 0;
        while (lineStart + indent < text.length() && text.charAt(lineStart + indent) == ' ') {
            indent++;
        }
        skipToEndOfLine();
        while (at < text.length()) {
            int next = at + 1;
            int spaces = 0;
            while (next + spaces < text.length() && text.charAt(next + spaces) == ' ') {
                spaces++;
            }
            int lineEnd = next + spaces;
            boolean blank = lineEnd >= text.length() || text.charAt(lineEnd) == '\n' || text.charAt(lineEnd) == '\r';
            if (!blank && spaces <= indent) {
                return;
            }
            at = next;
            skipToEndOfLine();
        }
    }

    private void skipToEndOfLine() {
        int newline = text.indexOf('\n', at);
        at = newline < 0 ? text.length() : newline;
    }

    private void skipIndentation() {
        while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
            at++;
        }
    }

    /** Whether the block line at {@code at} starts with an entry or key indicator after which a node starts. */
    private boolean atBlockIndicator() {
        if (at >= text.length()) {
            return false;
        }
        char c = text.charAt(at);
        if ((c == '-' || c == '?') && followedByBlank()) {
            return true;
        }
        // a quoted key is read as a node, so that its quotes are skipped
        return c == '"' || c == '\'';
    }

    private boolean followedByBlank() {
        int next = at + 1;
        return next >= text.length() || isBlank(text.charAt(next)) || text.charAt(next) == '\n'
                || text.charAt(next) == '\r';
    }

    /** A space: tabs are not separation in every place YAML allows spaces, so they are left to SnakeYAML. */
    private static boolean isBlank(char c) {
        return c == ' ';
    }

    private static boolean isNumberCharacter(char c) {
        return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
    }
}
