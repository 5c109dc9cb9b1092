package org.riemopt.spi;

/**
 * A size that a spec asks for and that cannot be allocated: more than the JVM's heap can give, or more elements than
 * one Java array holds. Thrown by {@link MemoryBudget} before anything is allocated. It is an
 * {@link IllegalArgumentException}, the exception a provider throws for bad parameters, so a plugin that lets it
 * through reports a spec error (exit status 2), and the spec loader names the full key ({@code operator.measurements}).
 */
public final class MemoryLimitException extends IllegalArgumentException {

    private final String key;
    private final String detail;

    /**
     * @param key    the spec key at fault, relative to the mapping of whoever checked ({@code measurements} in an
     *               operator provider), or a full dotted key when the spec loader checked
     * @param detail the size, the limit and how to raise it
     */
    public MemoryLimitException(String key, String detail) {
        super("key '" + key + "': " + detail);
        this.key = key;
        this.detail = detail;
    }

    /** The spec key at fault, as the checker named it. */
    public String key() {
        return key;
    }

    /** The message without the key. */
    public String detail() {
        return detail;
    }
}
