/**
 * Regularizer plugins. The module is in place so that the build, the bundle and the distribution already carry
 * it; the nuclear-norm surrogate and balancing regularizers arrive with their issue.
 */
package org.riemopt.plugins.regularizers;
