"""Writes one small asymmetric sensing instance three ways: .npy files, MatrixMarket files, and inline YAML.

The operator is the m x (m1*n1) matrix acting on vec(M) in column-major order (numpy order='F', Manopt's
convention), and b = A @ vec(M). Run with python3 (numpy, scipy); the outputs are committed beside it.
"""
import numpy as np
import scipy.io

rng = np.random.default_rng(7)
m1, n1, r, m = 6, 5, 2, 40
A = rng.standard_normal((m, m1 * n1)) / np.sqrt(m)
M = rng.standard_normal((m1, r)) @ rng.standard_normal((n1, r)).T
b = A @ M.flatten(order="F")
U0 = rng.standard_normal((m1, r))
V0 = rng.standard_normal((n1, r))

for name, value in {"A": A, "M": M, "b": b, "U0": U0, "V0": V0}.items():
    np.save(f"{name}.npy", value)
    scipy.io.mmwrite(f"{name}.mtx", value.reshape(-1, 1) if value.ndim == 1 else value, precision=17)

common = """seed: 3
manifold: {type: factors, rows: 6, cols: 5, rank: 2}
solver: {type: trust-regions, gradientTolerance: 1e-12, maxIterations: 200}
"""
for ext in ("npy", "mtx"):
    with open(f"instance-{ext}.yaml", "w") as f:
        f.write(f"# written by make_instance.py\n{common}"
                f"operator: {{type: explicit, file: A.{ext}}}\n"
                f"measurements: {{file: b.{ext}}}\n"
                f"truth: {{file: M.{ext}}}\n"
                f"init: {{u: {{file: U0.{ext}}}, v: {{file: V0.{ext}}}}}\n")


def rows(x):
    return "[" + ", ".join("[" + ", ".join(repr(float(v)) for v in row) + "]" for row in x) + "]"


with open("instance-inline.yaml", "w") as f:
    f.write(f"# written by make_instance.py\n{common}")
    f.write("operator:\n  type: explicit\n  matrices:\n")
    for i in range(m):
        f.write(f"    - {rows(A[i].reshape(m1, n1, order='F'))}\n")
    f.write("measurements: [" + ", ".join(repr(float(v)) for v in b) + "]\n")
    f.write(f"truth: {{matrix: {rows(M)}}}\n")
    f.write(f"init: {{u: {rows(U0)}, v: {rows(V0)}}}\n")
