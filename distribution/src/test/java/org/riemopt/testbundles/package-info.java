/**
 * Plugin jars built at test time (compiled with the JDK's compiler) for the runtime and command-line tests.
 */
package org.riemopt.testbundles;
