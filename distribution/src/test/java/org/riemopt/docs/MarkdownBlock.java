package org.riemopt.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fenced code block of a Markdown file.
 *
 * @param file     the Markdown file
 * @param line     the line number (from 1) of the block's first line of code
 * @param language the first word of the fence's info string ({@code java} in {@code ```java}), empty if none
 * @param given    the text of a {@code <!-- given: ... -->} comment on the line just before the fence, or
 *                 {@code null}: what a code fragment may use without declaring it
 * @param code     the block's lines, without the fences and without the fence's indentation
 */
public record MarkdownBlock(Path file, int line, String language, String given, String code) {

    private static final Pattern FENCE = Pattern.compile("^( *)```\\s*(\\S*).*$");
    private static final Pattern GIVEN = Pattern.compile("^\\s*<!--\\s*given:(.*)-->\\s*$");

    /** The fenced blocks of {@code file}, in order. */
    public static List<MarkdownBlock> in(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<MarkdownBlock> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches()) {
                continue;
            }
            String indent = open.group(1);
            Matcher given = i > 0 ? GIVEN.matcher(lines.get(i - 1)) : null;
            StringBuilder code = new StringBuilder();
            int first = i + 2;
            for (i++; i < lines.size() && !lines.get(i).trim().equals("```"); i++) {
                String l = lines.get(i);
                code.append(l.startsWith(indent) ? l.substring(indent.length()) : l.stripLeading()).append('\n');
            }
            if (i == lines.size()) {
                throw new IllegalStateException(file + ":" + (first - 1) + ": the code block is never closed");
            }
            blocks.add(new MarkdownBlock(file, first, open.group(2),
                    given != null && given.matches() ? given.group(1).trim() : null, code.toString()));
        }
        return blocks;
    }

    /** {@code file:line}, as compilers write it. */
    public String where() {
        return file + ":" + line;
    }
}
