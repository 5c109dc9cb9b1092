package org.riemopt.manifolds;

import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

import org.riemopt.linalg.DenseMatrix;
import org.riemopt.manifold.BasicSearchSpace;
import org.riemopt.manifold.SearchSpace;
import org.riemopt.problem.Lift;
import org.riemopt.spi.ManifoldProvider;
import org.riemopt.spi.MemoryBudget;
import org.riemopt.spi.ParameterSpec;
import org.riemopt.spi.ParameterType;
import org.riemopt.spi.Parameters;

/**
 * Spec name {@code factors}: the factor space {@code Euclidean(m x r) x Euclidean(n x r)} of pairs {@code (U, V)}
 * (a {@link ProductManifold}), with the lift {@code uvt} ({@code UVᵀ}, measuring {@code m x n} matrices). The rank
 * is not bounded by {@code min(m, n)}: over-parameterized factors are allowed, as for {@code euclidean}.
 */
public final class FactorSpaceProvider implements ManifoldProvider {

    @Override
    public String name() {
        return "factors";
    }

    @Override
    public String description() {
        return "pairs of factors (U, V), U rows x rank and V cols x rank, lifted by UV^T";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.required("rows", ParameterType.INTEGER, "rows m of U (and of UV^T)"),
                ParameterSpec.required("cols", ParameterType.INTEGER, "rows n of V (columns of UV^T)"),
                ParameterSpec.required("rank", ParameterType.INTEGER, "columns r of U and V (the search rank)"));
    }

    @Override
    public SearchSpace<Tuple, Tuple> create(Parameters p) {
        int rows = p.integer("rows");
        int cols = p.integer("cols");
        int rank = p.integer("rank");
        // Checked before the factors' own checks: a negative size gives a negative demand, refused by them.
        MemoryBudget.requirePoints(rows >= cols ? "rows" : "cols", "(m+n)·r", ((double) rows + cols) * rank,
                (double) Math.max(rows, cols) * rank);
        ProductManifold manifold = ProductManifold.of(new Euclidean(rows, rank), new Euclidean(cols, rank));
        Map<String, Lift<Tuple, Tuple>> lifts = Map.of("uvt", new UvtLift(rows, cols));
        return new BasicSearchSpace<>(manifold, lifts, "uvt", rank) {
            @Override
            public Tuple pointFromMatrix(DenseMatrix matrix) {
                throw new IllegalArgumentException("a point of the factor space is a pair of factors, not one "
                        + "matrix; give it as init: {u: U, v: V}");
            }

            @Override
            public Tuple pointFromFactors(DenseMatrix u, DenseMatrix v) {
                if (u.rows() != rows || u.cols() != rank || v.rows() != cols || v.cols() != rank) {
                    throw new IllegalArgumentException("expected factors U " + rows + "x" + rank + " and V " + cols
                            + "x" + rank + ", got " + u.rows() + "x" + u.cols() + " and " + v.rows() + "x" + v.cols());
                }
                return Tuple.of(u, v);
            }

            @Override
            public Map<String, DenseMatrix> pointArrays(Tuple x) {
                Map<String, DenseMatrix> arrays = new LinkedHashMap<>();
                arrays.put("u", x.get(0));
                arrays.put("v", x.get(1));
                return arrays;
            }
        };
    }
}
