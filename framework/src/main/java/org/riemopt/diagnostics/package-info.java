/**
 * Landscape and derivative diagnostics: Taylor-slope checks of the gradient and Hessian (as Manopt's
 * {@code checkgradient}/{@code checkhessian}), the Hessian's symmetry, and the dense Riemannian Hessian matrix in
 * an orthonormal tangent basis with its eigenvalues, for small problems, and the extreme eigenpairs by Lanczos at
 * any size.
 */
package org.riemopt.diagnostics;
