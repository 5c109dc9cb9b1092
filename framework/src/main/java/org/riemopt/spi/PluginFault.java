package org.riemopt.spi;

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
     * What went wrong, in words for a user: the failure's message, never a Java class name (a stack overflow and
     * running out of memory are said as such).
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
        String message = t.getMessage();
        if (message == null || message.isBlank()) {
            Throwable cause = t.getCause();
            return cause != null && cause != t ? describe(cause) : "it failed without saying why";
        }
        return message;
    }
}
