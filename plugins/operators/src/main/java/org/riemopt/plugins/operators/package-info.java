/**
 * Built-in measurement-operator plugins: {@code explicit} (matrices written in the spec) and {@code gaussian}
 * (iid Gaussian sensing, optionally symmetric), both dense; {@code completion}
 * ({@link org.riemopt.plugins.operators.CompletionOperator}: observed entries, given, read from a MatrixMarket file or
 * sampled, never forming the {@code m x n} matrix).
 */
package org.riemopt.plugins.operators;
