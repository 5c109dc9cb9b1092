/**
 * Built-in loss plugins: {@link org.riemopt.plugins.losses.L2Loss} ({@code ½ r²}).
 */
package org.riemopt.plugins.losses;
