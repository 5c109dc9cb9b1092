package org.riemopt.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The header of a NumPy {@code .npy} array (format versions 1.0, 2.0 and 3.0), as read from a file or an
 * {@code .npz} entry: the element type, the storage order and the shape. A 1-D array of length {@code n} has
 * {@code rows = n, cols = 1}.
 *
 * @param dtype          element type
 * @param order          byte order of the elements
 * @param fortranOrder   true if the values are stored column-major
 * @param rows           first dimension
 * @param cols           second dimension, 1 for a 1-D array
 * @param oneDimensional true for a 1-D array
 * @param dataOffset     bytes before the first value (magic, version, length field and header)
 */
record NpyHeader(Dtype dtype, ByteOrder order, boolean fortranOrder, int rows, int cols, boolean oneDimensional,
        long dataOffset) {

    /** The element types read, all converted to {@code double}. */
    enum Dtype {
        FLOAT64('f', 8), FLOAT32('f', 4), INT32('i', 4), INT64('i', 8);

        final char kind;
        final int size;

        Dtype(char kind, int size) {
            this.kind = kind;
            this.size = size;
        }
    }

    static final String ALLOWED_DTYPES = "<f8 >f8 <f4 >f4 <i4 >i4 <i8 >i8";

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    /** The number of values. */
    long entries() {
        return (long) rows * cols;
    }

    /** The number of value bytes after the header. */
    long dataBytes() {
        return entries() * dtype.size;
    }

    /**
     * Reads the header from the start of {@code in}, leaving the channel at the first value.
     *
     * @param file the file named in error messages
     * @throws DataFileException if this is not a supported 1-D or 2-D numeric array
     */
    static NpyHeader read(Path file, ReadableByteChannel in) {
        ByteBuffer preamble = ByteBuffer.allocate(MAGIC.length + 2).order(ByteOrder.LITTLE_ENDIAN);
        if (readFully(file, in, preamble) < preamble.capacity() || !hasMagic(preamble)) {
            throw new DataFileException(file, "not a .npy file (expected the magic string \\x93NUMPY)");
        }
        int major = preamble.get(6);
        int minor = preamble.get(7);
        if (major < 1 || major > 3 || minor != 0) {
            throw new DataFileException(file, "unsupported .npy format version " + major + "." + minor
                    + " (expected 1.0, 2.0 or 3.0)");
        }
        // version 1.0 has a 2-byte header length, 2.0 and 3.0 a 4-byte one
        ByteBuffer lengthField = ByteBuffer.allocate(major == 1 ? 2 : 4).order(ByteOrder.LITTLE_ENDIAN);
        if (readFully(file, in, lengthField) < lengthField.capacity()) {
            throw new DataFileException(file, "truncated .npy header (the header length field is incomplete)");
        }
        long length = major == 1 ? Short.toUnsignedInt(lengthField.getShort(0))
                : Integer.toUnsignedLong(lengthField.getInt(0));
        if (length > 1 << 20) {
            throw new DataFileException(file, "implausible .npy header length " + length + " bytes");
        }
        ByteBuffer text = ByteBuffer.allocate((int) length);
        int got = readFully(file, in, text);
        if (got < length) {
            throw new DataFileException(file, "truncated .npy header: expected " + length + " bytes, found " + got);
        }
        Charset charset = major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
        String header = new String(text.array(), charset);
        return fromDict(file, header, preamble.capacity() + lengthField.capacity() + length);
    }

    /**
     * Reads until {@code buffer} is full or the channel ends; returns the number of bytes read.
     *
     * @throws DataFileException on an I/O error
     */
    static int readFully(Path file, ReadableByteChannel in, ByteBuffer buffer) {
        int total = 0;
        try {
            while (buffer.hasRemaining()) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                total += n;
            }
        } catch (IOException e) {
            throw DataFileException.cannotRead(file, e);
        }
        return total;
    }

    private static boolean hasMagic(ByteBuffer preamble) {
        for (int k = 0; k < MAGIC.length; k++) {
            if (preamble.get(k) != MAGIC[k]) {
                return false;
            }
        }
        return true;
    }

    private static NpyHeader fromDict(Path file, String header, long dataOffset) {
        Map<String, Object> dict = new DictParser(file, header).parse();
        if (dict.size() != 3 || !dict.containsKey("descr") || !dict.containsKey("fortran_order")
                || !dict.containsKey("shape")) {
            throw new DataFileException(file, "the .npy header has the keys " + dict.keySet()
                    + ", expected exactly descr, fortran_order and shape");
        }
        if (!(dict.get("descr") instanceof String descr)) {
            throw new DataFileException(file, "unsupported dtype " + dict.get("descr")
                    + " (a structured type); expected one of " + ALLOWED_DTYPES);
        }
        if (!(dict.get("fortran_order") instanceof Boolean fortranOrder)) {
            throw new DataFileException(file, "fortran_order is " + dict.get("fortran_order")
                    + ", expected True or False");
        }
        if (!(dict.get("shape") instanceof List<?> shape)) {
            throw new DataFileException(file, "shape is " + dict.get("shape") + ", expected a tuple");
        }
        if (shape.isEmpty() || shape.size() > 2) {
            throw new DataFileException(file, "the array has " + shape.size() + " dimensions (shape "
                    + tupleText(shape) + "), expected a 1-D or 2-D array");
        }
        int rows = dimension(file, shape, 0);
        int cols = shape.size() == 2 ? dimension(file, shape, 1) : 1;
        return new NpyHeader(dtype(file, descr), descr.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN
                : ByteOrder.LITTLE_ENDIAN, fortranOrder, rows, cols, shape.size() == 1, dataOffset);
    }

    private static Dtype dtype(Path file, String descr) {
        if (descr.length() == 3 && (descr.charAt(0) == '<' || descr.charAt(0) == '>')) {
            for (Dtype d : Dtype.values()) {
                if (descr.charAt(1) == d.kind && descr.charAt(2) == '0' + d.size) {
                    return d;
                }
            }
        }
        throw new DataFileException(file, "unsupported dtype '" + descr + "'; expected one of " + ALLOWED_DTYPES);
    }

    private static int dimension(Path file, List<?> shape, int k) {
        if (!(shape.get(k) instanceof Long n) || n < 0 || n > Integer.MAX_VALUE) {
            throw new DataFileException(file, "shape " + tupleText(shape)
                    + " has an invalid dimension, expected non-negative integers below 2^31");
        }
        return n.intValue();
    }

    private static String tupleText(List<?> shape) {
        String dims = shape.stream().map(String::valueOf).collect(Collectors.joining(", "));
        return "(" + dims + (shape.size() == 1 ? ",)" : ")");
    }

    /**
     * A recursive-descent parser for the Python literal numpy writes as the header: a dict of string keys whose
     * values are strings ({@code String}), {@code True}/{@code False} ({@code Boolean}), integers ({@code Long}) or
     * tuples and lists of these ({@code List}).
     */
    private static final class DictParser {

        private final Path file;
        private final String text;
        private int pos;

        DictParser(Path file, String text) {
            this.file = file;
            this.text = text;
        }

        Map<String, Object> parse() {
            expect('{');
            Map<String, Object> dict = new LinkedHashMap<>();
            while (peek() != '}') {
                String key = string();
                expect(':');
                if (dict.put(key, value()) != null) {
                    throw error("duplicate key '" + key + "'");
                }
                if (peek() != '}') {
                    expect(',');
                }
            }
            pos++;
            if (peek() != -1) {
                throw error("unexpected text after the dict");
            }
            return dict;
        }

        private Object value() {
            int c = peek();
            if (c == '\'' || c == '"') {
                return string();
            }
            if (c == '(' || c == '[') {
                return sequence(c == '(' ? ')' : ']');
            }
            if (c == '-' || c >= '0' && c <= '9') {
                return integer();
            }
            if (text.startsWith("True", pos)) {
                pos += 4;
                return Boolean.TRUE;
            }
            if (text.startsWith("False", pos)) {
                pos += 5;
                return Boolean.FALSE;
            }
            throw error("expected a string, True, False, an integer or a tuple");
        }

        private List<Object> sequence(char close) {
            pos++;
            List<Object> items = new ArrayList<>();
            while (peek() != close) {
                items.add(value());
                if (peek() != close) {
                    expect(',');
                }
            }
            pos++;
            return items;
        }

        private String string() {
            int quote = peek();
            if (quote != '\'' && quote != '"') {
                throw error("expected a quoted string");
            }
            int end = text.indexOf(quote, pos + 1);
            if (end < 0) {
                throw error("unterminated string");
            }
            String s = text.substring(pos + 1, end);
            pos = end + 1;
            return s;
        }

        private Long integer() {
            int start = pos;
            if (text.charAt(pos) == '-') {
                pos++;
            }
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            String digits = text.substring(start, pos);
            if (pos < text.length() && text.charAt(pos) == 'L') {
                pos++; // Python 2 long suffix, in files written by old numpy
            }
            try {
                return Long.parseLong(digits);
            } catch (NumberFormatException e) {
                throw error("bad integer '" + digits + "'");
            }
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        /** Skips white space and returns the next character, or -1 at the end. */
        private int peek() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            return pos < text.length() ? text.charAt(pos) : -1;
        }

        private DataFileException error(String what) {
            return new DataFileException(file, "malformed .npy header at character " + pos + ": " + what
                    + " in " + text.strip());
        }
    }
}
