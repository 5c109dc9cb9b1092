package org.riemopt.spec;

/**
 * A problem spec that cannot be used: the message names the key, the value given and what is allowed.
 */
public final class SpecException extends RuntimeException {

    private final String key;

    /**
     * @param key    the spec key at fault, dotted ({@code "operator.matrices"}), or {@code ""} for the document
     * @param detail what was wrong and what is allowed
     */
    public SpecException(String key, String detail) {
        super(key.isEmpty() ? detail : "spec key '" + key + "': " + detail);
        this.key = key;
    }

    /** As {@link #SpecException(String, String)}, keeping what a plugin threw for {@code --debug}. */
    public SpecException(String key, String detail, Throwable cause) {
        super(key.isEmpty() ? detail : "spec key '" + key + "': " + detail, cause);
        this.key = key;
    }

    /** The dotted key at fault, {@code ""} for the whole document. */
    public String key() {
        return key;
    }
}
