package org.riemopt.spec;

/**
 * A place in a spec's text, 1-based as editors count: where a parser error is reported.
 *
 * @param line   the line, from 1
 * @param column the column in that line, from 1, in characters
 */
record TextPosition(int line, int column) {

    /** The position of the character at {@code index} (0-based) in {@code text}; the end of the text is allowed. */
    static TextPosition at(String text, int index) {
        int line = 1;
        int lineStart = 0;
        int end = Math.min(index, text.length());
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new TextPosition(line, end - lineStart + 1);
    }

    @Override
    public String toString() {
        return "line " + line + ", column " + column;
    }
}
