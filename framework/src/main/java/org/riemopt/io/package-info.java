/**
 * Numeric arrays in files: reading 1-D and 2-D arrays from NumPy {@code .npy}/{@code .npz} and MatrixMarket
 * {@code .mtx} files, so that problem instances made by numpy, scipy, Manopt or a lab's pipeline load at
 * file-read speed, and writing them back.
 *
 * <p>{@link org.riemopt.io.ArrayFile} opens a {@code .npy} or {@code .mtx} file, reports its shape from the header
 * and reads the values on demand: as a column-major {@link org.riemopt.linalg.DenseMatrix}, a vector, straight
 * into a caller's row-major array, or, for sparse files, as {@link org.riemopt.io.Coordinates}.
 * {@link org.riemopt.io.Npz} reads and writes archives of named arrays; {@link org.riemopt.io.Npy} and
 * {@link org.riemopt.io.MatrixMarket} write single arrays.
 *
 * <p>Reading is strict: a file must hold exactly what its header declares and every value must be finite;
 * anything else is a {@link org.riemopt.io.DataFileException} naming the file and what was expected. Writing is
 * atomic: a temporary file in the target's directory is renamed over the target only once complete.
 */
package org.riemopt.io;
