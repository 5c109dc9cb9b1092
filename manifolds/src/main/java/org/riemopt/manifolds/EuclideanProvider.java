package org.riemopt.manifolds;

import java.util.LinkedHashMap;
import java.util.List;
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
 * Spec name {@code euclidean}: {@link Euclidean} {@code rows x cols} matrices, with lifts {@code xxt} (the default:
 * Burer–Monteiro {@code XXᵀ}, measuring {@code rows x rows} matrices) and {@code identity}.
 */
public final class EuclideanProvider implements ManifoldProvider {

    @Override
    public String name() {
        return "euclidean";
    }

    @Override
    public String description() {
        return "Euclidean space of rows x cols matrices (factors X, lifted by XX^T or used as is)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.required("rows", ParameterType.INTEGER, "rows n of the factor X"),
                ParameterSpec.required("cols", ParameterType.INTEGER, "columns r of the factor X (the search rank)"));
    }

    @Override
    public SearchSpace<DenseMatrix, DenseMatrix> create(Parameters p) {
        Euclidean manifold = new Euclidean(p.integer("rows"), p.integer("cols"));
        double numbers = (double) manifold.rows() * manifold.cols();
        MemoryBudget.requirePoints(manifold.rows() >= manifold.cols() ? "rows" : "cols", "n·r", numbers, numbers);
        Map<String, Lift<DenseMatrix, DenseMatrix>> lifts = new LinkedHashMap<>();
        lifts.put("xxt", new XxtLift(manifold.rows(), manifold.cols()));
        lifts.put("identity", new EuclideanIdentityLift(manifold.rows(), manifold.cols()));
        return new BasicSearchSpace<>(manifold, lifts, "xxt", manifold.cols()) {
            @Override
            public DenseMatrix pointFromMatrix(DenseMatrix matrix) {
                if (matrix.rows() != manifold.rows() || matrix.cols() != manifold.cols()) {
                    throw new IllegalArgumentException("expected a " + manifold.rows() + "x" + manifold.cols()
                            + " matrix, got " + matrix.rows() + "x" + matrix.cols());
                }
                return matrix;
            }

            @Override
            public Map<String, DenseMatrix> pointArrays(DenseMatrix x) {
                return Map.of("matrix", x);
            }
        };
    }
}
