package org.riemopt.spi;

/**
 * A plugin that was skipped, and why.
 *
 * @param source where it came from
 * @param what   the provider or bundle
 * @param reason what went wrong
 */
public record PluginProblem(String source, String what, String reason) {
}
