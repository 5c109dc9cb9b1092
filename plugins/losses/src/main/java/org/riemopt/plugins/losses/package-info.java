/**
 * Built-in loss plugins: {@link org.riemopt.plugins.losses.L2Loss} ({@code ½ r²}),
 * {@link org.riemopt.plugins.losses.LqLoss} ({@code (1/q)|r|^q}, optionally smoothed, under the names {@code lq},
 * {@code l1} and {@code high-order}) and {@link org.riemopt.plugins.losses.HuberLoss}. A spec's {@code weight} on
 * a term and sums of terms are the framework's ({@link org.riemopt.problem.WeightedLossSum}), not the plugins'.
 */
package org.riemopt.plugins.losses;
