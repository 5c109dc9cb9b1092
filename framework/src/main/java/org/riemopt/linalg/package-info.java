/**
 * Linear algebra on column-major {@code double[]} arrays: the immutable {@link org.riemopt.linalg.DenseMatrix}, the
 * {@link org.riemopt.linalg.AmbientMatrix} view of a large matrix known only through its products, the sparse
 * {@link org.riemopt.linalg.SparseMatrix} over a shared {@link org.riemopt.linalg.SparsePattern} (CSR and CSC
 * orderings, for completion gradients that are never formed densely), the allocation-free kernels of
 * {@link org.riemopt.linalg.Kernels}, and the small decompositions (thin QR, SVD, symmetric eigenvalues) delegated
 * to Hipparchus.
 *
 * <p>Hot loops live in {@code Kernels} and work on raw arrays; everything else favours clarity.
 */
package org.riemopt.linalg;
