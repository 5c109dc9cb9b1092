/**
 * Dynamic plugins: {@link org.riemopt.runtime.PluginRuntime} embeds an Apache Felix framework, installs the
 * plugin bundles found in plugin directories (and, when asked, keeps watching them), and offers their providers
 * to the {@link org.riemopt.spi.PluginRegistry} next to the class path's, through the
 * {@link org.riemopt.runtime.BundleProviderExtender}. Plugins hold no OSGi code: the extender reads the same
 * {@code META-INF/services} files that {@code java.util.ServiceLoader} reads on a class path.
 */
package org.riemopt.runtime;
