"""Writes the hostile data files of the corpus (bad/*.yaml name them as data/NAME). Run with python3 and numpy;
the outputs are committed beside it. The good files are the 2 x 2 instance of the corpus's specs."""
import numpy as np

good_b = np.array([1.0, 0.0, 1.0])
np.save("b.npy", good_b)

np.save("nan.npy", np.array([1.0, np.nan, 1.0]))
np.save("inf.npy", np.array([[1.0, 0.0], [0.0, np.inf]]))
np.save("complex.npy", np.array([1 + 2j, 0, 1]))
np.save("cube.npy", np.zeros((2, 2, 2)))
np.save("strings.npy", np.array(["a", "b", "c"]))
np.save("b-too-long.npy", np.arange(7.0))

with open("b.npy", "rb") as f:
    whole = f.read()
with open("truncated.npy", "wb") as f:
    f.write(whole[: len(whole) - 5])
with open("header-only.npy", "wb") as f:
    f.write(whole[:10])
with open("garbage.npy", "wb") as f:
    f.write(bytes(range(256)) * 4)
# a header that claims a shape far beyond the bytes that follow
with open("lying-shape.npy", "wb") as f:
    header = "{'descr': '<f8', 'fortran_order': False, 'shape': (3, 3), }"
    header = header + " " * (118 - len(header)) + "\n"
    f.write(b"\x93NUMPY\x01\x00" + len(header).to_bytes(2, "little") + header.encode() + np.ones(2).tobytes())

def mtx(name, text):
    with open(name, "w") as f:
        f.write(text)

mtx("nan.mtx", "%%MatrixMarket matrix array real general\n3 1\n1\nnan\n1\n")
mtx("inf.mtx", "%%MatrixMarket matrix array real general\n3 1\n1\ninf\n1\n")
mtx("truncated.mtx", "%%MatrixMarket matrix array real general\n3 1\n1\n")
mtx("no-banner.mtx", "3 1\n1\n0\n1\n")
mtx("words.mtx", "%%MatrixMarket matrix array real general\n3 1\n1\none\n1\n")
mtx("out-of-range.mtx", "%%MatrixMarket matrix coordinate real general\n2 2 2\n1 1 1.0\n3 1 2.0\n")
mtx("complex.mtx", "%%MatrixMarket matrix array complex general\n3 1\n1 0\n0 0\n1 0\n")
mtx("negative-size.mtx", "%%MatrixMarket matrix array real general\n-3 1\n1\n0\n1\n")
with open("not-a-zip.npz", "wb") as f:
    f.write(b"PK\x03\x04 this is not really a zip archive")
