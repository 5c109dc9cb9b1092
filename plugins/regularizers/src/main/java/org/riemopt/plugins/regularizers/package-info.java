/**
 * Regularizer plugins, terms {@code R(x)} added to the cost on the point itself: {@code nuclear} (the factored
 * nuclear-norm surrogate), {@code balancing} ({@code γ‖UᵀU − VᵀV‖²_F}) and {@code frobenius}
 * ({@code (λ/2)‖X‖²_F}). Each decides by the search space's manifold (factor pair,
 * Euclidean matrix, PSD factor, or none) what its formula means there, and refuses with a message where it has
 * none.
 */
package org.riemopt.plugins.regularizers;
