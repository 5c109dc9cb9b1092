package org.riemopt.spi;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * A plugin's code failed while the host used what it made (a loss, a regularizer, an operator, a solver): any
 * {@link Throwable} of the plugin, an {@link Error} such as {@link StackOverflowError} or {@link OutOfMemoryError}
 * included, is caught at the boundary between the host and the plugin and rethrown as this, naming the plugin, where
 * it came from and the spec key that selected it. The plugin's own failure is the {@link #getCause() cause}.
 */
public final class PluginFault extends RuntimeException {

    private final String plugin;
    private final Family family;
    private final String origin;
    private final String key;
    private final String detail;

    /**
     * @param plugin the plugin's registered name
     * @param family its family
     * @param origin where it came from (its jar or the class path)
     * @param key    the spec key that selected it, dotted
     * @param cause  what the plugin threw
     */
    public PluginFault(String plugin, Family family, String origin, String key, Throwable cause) {
        super("spec key '" + key + "': " + detail(plugin, family, origin, cause), cause);
        this.detail = detail(plugin, family, origin, cause);
        this.plugin = plugin;
        this.family = family;
        this.origin = origin;
        this.key = key;
    }

    private static String detail(String plugin, Family family, String origin, Throwable cause) {
        return family.label() + " plugin '" + plugin + "' (" + origin + ") failed: " + describe(cause);
    }

    /** The message without the spec key. */
    public String detail() {
        return detail;
    }

    /** The plugin's registered name. */
    public String plugin() {
        return plugin;
    }

    /** The plugin's family. */
    public Family family() {
        return family;
    }

    /** Where the plugin came from: its jar, or the class path. */
    public String origin() {
        return origin;
    }

    /** The spec key that selected the plugin. */
    public String key() {
        return key;
    }

    /**
     * What went wrong, in words for a user: the failure's message, never a Java class name. The JVM's own failures,
     * whose messages are written for programmers or name classes (a stack overflow, running out of memory, a null
     * reference, a malformed number, a bad cast or index, a file system error), are said in plain words instead.
     */
    public static String describe(Throwable t) {
        if (t instanceof StackOverflowError) {
            return "it recursed too deeply (stack overflow)";
        }
        if (t instanceof OutOfMemoryError) {
            return "it ran out of memory" + (t.getMessage() == null ? "" : " (" + t.getMessage() + ")");
        }
        if (t instanceof PluginFault f) {
            return f.getMessage();
        }
        String message = t.getMessage() == null ? "" : t.getMessage().strip();
        Throwable cause = t.getCause() == t ? null : t.getCause();
        String plain = plainWords(t, message);
        if (plain != null) {
            return plain;
        }
        // an exception made from its cause alone carries the cause's class name as its message
        if (message.isEmpty() || cause != null && message.equals(cause.toString())) {
            return cause != null ? describe(cause) : "it failed without saying why";
        }
        return message;
    }

    /** The JVM's failures in words, or null for a failure whose own message is meant for users. */
    private static String plainWords(Throwable t, String message) {
        if (t instanceof NumberFormatException) {
            int open = message.indexOf('"');
            int close = message.lastIndexOf('"');
            return close > open ? "'" + message.substring(open + 1, close) + "' is not a number"
                    : "a number was malformed";
        }
        if (t instanceof NullPointerException) {
            return "a value was missing (a null reference)";
        }
        if (t instanceof ClassCastException) {
            return "a value was not of the type expected";
        }
        if (t instanceof IndexOutOfBoundsException || t instanceof NegativeArraySizeException) {
            return "an index or size was out of range" + (message.isEmpty() ? "" : " (" + message + ")");
        }
        if (t instanceof ArithmeticException) {
            return message.equals("/ by zero") ? "an integer division by zero" : "arithmetic failed: " + message;
        }
        if (t instanceof NoSuchFileException f) {
            return f.getFile() + ": no such file";
        }
        if (t instanceof AccessDeniedException f) {
            return f.getFile() + ": permission denied";
        }
        if (t instanceof FileSystemException f) {
            return f.getFile() + ": " + (f.getReason() == null ? "cannot be used" : f.getReason());
        }
        return null;
    }
}
