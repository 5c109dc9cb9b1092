/**
 * Built-in measurement-operator plugins: {@code explicit} (matrices written in the spec) and {@code gaussian}
 * (iid Gaussian sensing, optionally symmetric), both dense; {@code completion}
 * ({@link org.riemopt.plugins.operators.CompletionOperator}: observed entries, given, read from a MatrixMarket file or
 * sampled, never forming the {@code m x n} matrix),
 * {@code phase-retrieval} ({@link org.riemopt.plugins.operators.PhaseRetrievalOperator}: {@code aᵢᵀ M aᵢ} from the
 * vectors {@code aᵢ}, never forming {@code aᵢaᵢᵀ}), and {@code identity} and {@code rip-example}
 * ({@link org.riemopt.plugins.operators.IdentityMinusRankOneOperator}: {@code α·vec(M) − β⟨G, M⟩vec(G)}; the latter is
 * the {@link org.riemopt.plugins.operators.RipCounterexampleOperator} of Zhang (2024), Example 4.1, with its truth and
 * spurious point). The other counterexamples, {@code rip-example} Examples 1.3 and 4.5 and
 * {@code boumal-criscitiello}, are {@link org.riemopt.plugins.operators.CounterexampleOperator}s: a dense or identity
 * operator with the truth and spurious point its paper states.
 */
package org.riemopt.plugins.operators;
