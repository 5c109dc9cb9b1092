/**
 * Built-in measurement-operator plugins: {@code explicit} (matrices written in the spec) and {@code gaussian}
 * (iid Gaussian sensing, optionally symmetric), both dense; {@code completion}
 * ({@link org.riemopt.plugins.operators.CompletionOperator}: observed entries, given, read from a MatrixMarket file or
 * sampled, never forming the {@code m x n} matrix) and
 * {@code phase-retrieval} ({@link org.riemopt.plugins.operators.PhaseRetrievalOperator}: {@code aᵢᵀ M aᵢ} from the
 * vectors {@code aᵢ}, never forming {@code aᵢaᵢᵀ}).
 */
package org.riemopt.plugins.operators;
