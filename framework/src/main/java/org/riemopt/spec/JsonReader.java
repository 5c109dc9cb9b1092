package org.riemopt.spec;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A strict JSON reader (RFC 8259) producing the same values as the YAML reader would for the same document: maps in
 * key order, lists, {@code Integer}/{@code Long}/{@code BigInteger} for whole numbers, {@code Double} for the rest,
 * {@code Boolean}, {@code String} and {@code null}. JSON specs take this path because it is linear in the text and
 * about fifty times faster than a YAML parser on large numeric arrays; duplicate keys are refused, as in YAML specs.
 */
final class JsonReader {

    /**
     * The deepest nesting of arrays and objects read, as SnakeYAML's default for YAML specs: a spec needs a handful
     * of levels, and a bound keeps a hostile document from overflowing the reader's stack.
     */
    static final int MAX_DEPTH = 50;

    private final String text;
    private final String source;
    private int at;
    private int depth;

    private JsonReader(String text, String source) {
        this.text = text;
        this.source = source;
    }

    /**
     * The value of a JSON document; {@code source} names it in errors ("spec file PATH").
     *
     * @throws SpecException naming the source, line and column of the first error
     */
    static Object read(String text, String source) {
        JsonReader reader = new JsonReader(text, source);
        reader.skipSpace();
        Object value = reader.value();
        reader.skipSpace();
        if (reader.at < text.length()) {
            throw reader.error("unexpected '" + text.charAt(reader.at) + "' after the document");
        }
        return value;
    }

    private Object value() {
        if (at >= text.length()) {
            throw error("the document ends where a value was expected");
        }
        char c = text.charAt(at);
        if ((c == '{' || c == '[') && depth == MAX_DEPTH) {
            throw error("arrays and objects nested more than " + MAX_DEPTH + " deep");
        }
        return switch (c) {
            case '{' -> nested(this::object);
            case '[' -> nested(this::array);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw error("unexpected '" + c + "' where a value was expected");
            }
        };
    }

    private Object nested(Supplier<Object> container) {
        depth++;
        Object value = container.get();
        depth--;
        return value;
    }

    private Map<String, Object> object() {
        at++;
        Map<String, Object> map = new LinkedHashMap<>();
        skipSpace();
        if (peek() == '}') {
            at++;
            return map;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw error("expected a key in double quotes");
            }
            int keyAt = at;
            String key = string();
            skipSpace();
            expect(':');
            skipSpace();
            if (map.containsKey(key)) {
                at = keyAt;
                throw error("duplicate key '" + key + "'");
            }
            map.put(key, value());
            skipSpace();
            if (peek() == ',') {
                at++;
                continue;
            }
            expect('}');
            return map;
        }
    }

    private List<Object> array() {
        at++;
        List<Object> list = new ArrayList<>();
        skipSpace();
        if (peek() == ']') {
            at++;
            return list;
        }
        while (true) {
            skipSpace();
            list.add(value());
            skipSpace();
            if (peek() == ',') {
                at++;
                continue;
            }
            expect(']');
            return list;
        }
    }

    private String string() {
        at++;
        StringBuilder out = null;
        int start = at;
        while (true) {
            if (at >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(at);
            if (c == '"') {
                String s = out == null ? text.substring(start, at) : out.append(text, start, at).toString();
                at++;
                return s;
            }
            if (c < 0x20) {
                throw error("control character in a string");
            }
            if (c == '\\') {
                out = out == null ? new StringBuilder() : out;
                out.append(text, start, at);
                out.append(escape());
                start = at;
                continue;
            }
            at++;
        }
    }

    private char escape() {
        if (at + 1 >= text.length()) {
            throw error("unterminated escape");
        }
        char c = text.charAt(at + 1);
        at += 2;
        switch (c) {
            case '"', '\\', '/' -> {
                return c;
            }
            case 'b' -> {
                return '\b';
            }
            case 'f' -> {
                return '\f';
            }
            case 'n' -> {
                return '\n';
            }
            case 'r' -> {
                return '\r';
            }
            case 't' -> {
                return '\t';
            }
            case 'u' -> {
                if (at + 4 > text.length()) {
                    throw error("unterminated \\u escape");
                }
                try {
                    char u = (char) Integer.parseInt(text.substring(at, at + 4), 16);
                    at += 4;
                    return u;
                } catch (NumberFormatException e) {
                    throw error("bad \\u escape");
                }
            }
            default -> throw error("bad escape '\\" + c + "'");
        }
    }

    private Object number() {
        int start = at;
        if (peek() == '-') {
            at++;
        }
        boolean whole = true;
        if (peek() == '0' && at + 1 < text.length() && Character.isDigit(text.charAt(at + 1))) {
            // JSON has no leading zeros; YAML would read 010 as octal 8, so neither reading is safe to guess
            throw error("a number with a leading zero; write it without (JSON has no octal numbers)");
        }
        digits();
        if (peek() == '.') {
            at++;
            whole = false;
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            at++;
            whole = false;
            if (peek() == '+' || peek() == '-') {
                at++;
            }
            digits();
        }
        String token = text.substring(start, at);
        if (!whole) {
            return Double.parseDouble(token);
        }
        BigInteger big = new BigInteger(token);
        if (big.bitLength() < 32) {
            return big.intValue();
        }
        return big.bitLength() < 64 ? (Object) big.longValue() : big;
    }

    private void digits() {
        int start = at;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        if (at == start) {
            throw error("expected a digit");
        }
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, at)) {
            throw error("unexpected '" + text.charAt(at) + "' where a value was expected");
        }
        at += word.length();
        return value;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error(at >= text.length() ? "the document ends where '" + c + "' was expected"
                    : "expected '" + c + "', got '" + text.charAt(at) + "'");
        }
        at++;
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private void skipSpace() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            at++;
        }
    }

    private SpecException error(String detail) {
        return new SpecException("", source + ": not valid JSON at " + TextPosition.at(text, at) + ": " + detail);
    }
}
