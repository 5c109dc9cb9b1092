"""Writes the numpy/scipy fixtures read by org.riemopt.io tests. Run from this directory: python3 make_fixtures.py

Every array is built from np.arange so the tests can state the expected values: A(i, j) = 10 * i + j unless noted.
"""
import numpy as np
import scipy.io
import scipy.sparse

a = 10.0 * np.arange(3)[:, None] + np.arange(4)[None, :]  # 3 x 4, A(i, j) = 10 i + j

np.save("c_f8.npy", a)                                    # C order float64
np.save("fortran_f8.npy", np.asfortranarray(a))           # Fortran order float64
np.save("c_f4.npy", a.astype("<f4"))
np.save("fortran_i8.npy", np.asfortranarray(a.astype("<i8")))
np.save("c_i4.npy", a.astype("<i4"))
np.save("big_f8.npy", a.astype(">f8"))
np.save("big_fortran_i4.npy", np.asfortranarray(a.astype(">i4")))
np.save("vector.npy", np.arange(5) * 0.5)                 # 1-D: 0, 0.5, 1, 1.5, 2
with open("v2_f8.npy", "wb") as f:
    np.lib.format.write_array(f, a, version=(2, 0))
np.savez("pair.npz", a=a, v=np.arange(3.0))

scipy.io.mmwrite("array.mtx", a)                          # array real general
scipy.io.mmwrite("array_sym.mtx", np.array([[1.0, 2.0, 4.0], [2.0, 3.0, 5.0], [4.0, 5.0, 6.0]]))
scipy.io.mmwrite("coord.mtx", scipy.sparse.coo_matrix(
    ([1.5, -2.0, 3.25], ([0, 2, 1], [3, 0, 1])), shape=(3, 4)))
scipy.io.mmwrite("coord_sym.mtx", scipy.sparse.coo_matrix(
    ([1.0, 2.0, 3.0], ([0, 2, 2], [0, 0, 1])), shape=(3, 3)), symmetry="symmetric")
