package org.riemopt.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * A byte-level tokenizer for line-oriented ASCII number files such as MatrixMarket: reads white-space separated
 * tokens line by line from its own buffer, parses integers by hand and keeps the line number for error messages.
 * It makes no per-line or per-integer objects, so millions of entries parse at close to file-read speed.
 */
final class LineTokenizer {

    private static final int EOF = -1;

    /** Longer tokens are not numbers; the cap keeps a binary file from being read into one huge token. */
    private static final int MAX_TOKEN = 1 << 10;

    private final Path file;
    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int pos;
    private int limit;
    private int line = 1;
    private char[] token = new char[32];

    /**
     * @param file the file named in error messages
     * @param in   the stream to read; not closed here
     */
    LineTokenizer(Path file, InputStream in) {
        this.file = file;
        this.in = in;
    }

    /**
     * Skips blank lines and comment lines (first non-blank character {@code %}) and returns true if a line with
     * content follows, false at the end of the file.
     */
    boolean skipToContent() {
        while (true) {
            skipBlanks();
            int c = peek();
            if (c == EOF) {
                return false;
            }
            if (c == '\n') {
                next();
            } else if (c == '%') {
                skipLine();
            } else {
                return true;
            }
        }
    }

    /** Moves past the end of the current line, whatever it holds. */
    private void skipLine() {
        int c;
        do {
            c = next();
        } while (c != '\n' && c != EOF);
    }

    /**
     * Requires the rest of the current line to be blank and moves to the next line.
     *
     * @throws DataFileException naming the line if it holds more tokens
     */
    void endLine() {
        skipBlanks();
        int c = peek();
        if (c != '\n' && c != EOF) {
            throw error("unexpected '" + new String(token, 0, readToken()) + "' after the expected values");
        }
        next();
    }

    /**
     * The next token of the current line as a string (for header words).
     *
     * @param what what the token should be, for the message if the line has ended
     */
    String word(String what) {
        requireToken(what);
        return new String(token, 0, readToken());
    }

    /**
     * The next token of the current line as a decimal integer with optional sign.
     *
     * @param what what the token should be, for the message if it is missing or malformed
     */
    long nextLong(String what) {
        requireToken(what);
        int n = readToken();
        boolean negative = token[0] == '-';
        int k = token[0] == '-' || token[0] == '+' ? 1 : 0;
        if (k == n) {
            throw notA("an integer", n, what);
        }
        long value = 0;
        for (; k < n; k++) {
            int digit = token[k] - '0';
            if (digit < 0 || digit > 9 || value > (Long.MAX_VALUE - digit) / 10) {
                throw notA("an integer", n, what);
            }
            value = value * 10 + digit;
        }
        return negative ? -value : value;
    }

    /**
     * The next token of the current line as a real number. {@code nan} and {@code inf}/{@code infinity} (any case,
     * optional sign) give NaN and infinities, for the caller to reject with the entry's position.
     *
     * @param what what the token should be, for the message if it is missing or malformed
     */
    double nextDouble(String what) {
        requireToken(what);
        int n = readToken();
        boolean numeric = true;
        for (int k = 0; k < n; k++) {
            char c = token[k];
            // decimal syntax only: Double.parseDouble would also take hex floats and 'd'/'f' suffixes
            numeric &= c >= '0' && c <= '9' || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-';
        }
        String text = new String(token, 0, n);
        if (numeric) {
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw notA("a number", n, what);
            }
        }
        String word = text.toLowerCase(Locale.ROOT);
        String unsigned = word.startsWith("-") || word.startsWith("+") ? word.substring(1) : word;
        if (unsigned.equals("nan")) {
            return Double.NaN;
        }
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return word.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        throw notA("a number", n, what);
    }

    /** An exception naming the file and the current line. */
    DataFileException error(String what) {
        return new DataFileException(file, "line " + line + ": " + what);
    }

    private DataFileException notA(String kind, int tokenLength, String what) {
        return error("'" + new String(token, 0, tokenLength) + "' is not " + kind + " (expected " + what + ")");
    }

    private void requireToken(String what) {
        skipBlanks();
        int c = peek();
        if (c == '\n' || c == EOF) {
            throw error("expected " + what + ", found the end of the line");
        }
    }

    /** Reads the current token into {@code token} and returns its length. */
    private int readToken() {
        int n = 0;
        // scans the buffer directly: this loop sees every byte of the values, so it avoids peek/next per byte
        while (pos < limit || refill()) {
            int p = pos;
            while (p < limit && !isSeparator(buffer[p] & 0xff)) {
                if (n == MAX_TOKEN) {
                    pos = p;
                    throw error("a token of more than " + MAX_TOKEN + " characters; expected numbers and words "
                            + "separated by white space");
                }
                if (n == token.length) {
                    token = Arrays.copyOf(token, 2 * n);
                }
                token[n++] = (char) (buffer[p++] & 0xff);
            }
            pos = p;
            if (p < limit) {
                break;
            }
        }
        return n;
    }

    private void skipBlanks() {
        for (int c = peek(); c == ' ' || c == '\t' || c == '\r'; c = peek()) {
            next();
        }
    }

    private static boolean isSeparator(int c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == EOF;
    }

    private int peek() {
        if (pos == limit && !refill()) {
            return EOF;
        }
        return buffer[pos] & 0xff;
    }

    private int next() {
        if (pos == limit && !refill()) {
            return EOF;
        }
        int c = buffer[pos++] & 0xff;
        if (c == '\n') {
            line++;
        }
        return c;
    }

    private boolean refill() {
        try {
            int n = in.read(buffer);
            if (n <= 0) {
                return false;
            }
            pos = 0;
            limit = n;
            return true;
        } catch (IOException e) {
            throw DataFileException.cannotRead(file, e);
        }
    }
}
