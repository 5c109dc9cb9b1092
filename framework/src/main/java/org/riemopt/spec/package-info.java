/**
 * Problem specs: YAML (or JSON) documents naming the manifold, lift, operator, truth or measurements, noise, loss,
 * regularizers, initial point and solver, resolved through the {@link org.riemopt.spi.PluginRegistry} into a
 * runnable {@link org.riemopt.spec.Instance}. Every error names the key, the value given and what is allowed
 * ({@link org.riemopt.spec.SpecException}). The keys are documented in {@code docs/spec.md}.
 */
package org.riemopt.spec;
