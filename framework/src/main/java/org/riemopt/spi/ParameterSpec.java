package org.riemopt.spi;

/**
 * One parameter a provider accepts.
 *
 * @param name         the spec key
 * @param type         its value type
 * @param defaultValue the value used when the key is absent, or {@code null} if there is none
 * @param doc          one sentence for {@code riemopt plugins} and the docs
 * @param required     whether the key must be given
 */
public record ParameterSpec(String name, ParameterType type, Object defaultValue, String doc, boolean required) {

    /** A parameter that must be given. */
    public static ParameterSpec required(String name, ParameterType type, String doc) {
        return new ParameterSpec(name, type, null, doc, true);
    }

    /** A parameter with a default. */
    public static ParameterSpec optional(String name, ParameterType type, Object defaultValue, String doc) {
        if (defaultValue == null) {
            throw new IllegalArgumentException("parameter '" + name + "': a default value is needed here; use "
                    + "optional(name, type, doc) for a parameter that may be absent");
        }
        return new ParameterSpec(name, type, defaultValue, doc, false);
    }

    /** A parameter that may be absent, with no default ({@link Parameters#has} tells whether it was given). */
    public static ParameterSpec optional(String name, ParameterType type, String doc) {
        return new ParameterSpec(name, type, null, doc, false);
    }
}
