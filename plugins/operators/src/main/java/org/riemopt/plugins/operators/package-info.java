/**
 * Built-in measurement-operator plugins: {@code explicit} (matrices written in the spec) and {@code gaussian}
 * (iid Gaussian sensing, optionally symmetric), both dense.
 */
package org.riemopt.plugins.operators;
