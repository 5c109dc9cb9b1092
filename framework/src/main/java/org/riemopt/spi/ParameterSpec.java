package org.riemopt.spi;

/**
 * One parameter a provider accepts.
 *
 * @param name         the spec key
 * @param type         its value type
 * @param defaultValue the value used when the key is absent, or {@code null} if the parameter is required
 * @param doc          one sentence for {@code riemopt plugins} and the docs
 */
public record ParameterSpec(String name, ParameterType type, Object defaultValue, String doc) {

    /** A parameter that must be given. */
    public static ParameterSpec required(String name, ParameterType type, String doc) {
        return new ParameterSpec(name, type, null, doc);
    }

    /** A parameter with a default. */
    public static ParameterSpec optional(String name, ParameterType type, Object defaultValue, String doc) {
        return new ParameterSpec(name, type, defaultValue, doc);
    }

    /** Whether the parameter must be given. */
    public boolean isRequired() {
        return defaultValue == null;
    }
}
