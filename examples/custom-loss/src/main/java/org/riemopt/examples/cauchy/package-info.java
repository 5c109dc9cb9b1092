/**
 * A loss plugin written outside Riemopt: the Cauchy (Lorentzian) loss, registered through
 * {@code META-INF/services/org.riemopt.spi.LossProvider}. No OSGi code.
 */
package org.riemopt.examples.cauchy;
