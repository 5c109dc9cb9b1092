/**
 * The plugin SPI, plain Java with no OSGi code: a provider per family ({@link org.riemopt.spi.LossProvider},
 * {@link org.riemopt.spi.RegularizerProvider}, {@link org.riemopt.spi.SolverProvider},
 * {@link org.riemopt.spi.OperatorProvider}, {@link org.riemopt.spi.ManifoldProvider}) with a name, described
 * parameters and {@code create}, and the {@link org.riemopt.spi.PluginRegistry} that collects providers from one or
 * more {@link org.riemopt.spi.ProviderSource}s ({@code java.util.ServiceLoader} on a class path today; an OSGi
 * extender can be a second source).
 *
 * <p>A plugin lists its providers in {@code META-INF/services/org.riemopt.spi.<Family>Provider}.
 */
package org.riemopt.spi;
