package org.riemopt.manifolds;

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
 * Spec name {@code psd-fixed-rank}: {@link PsdFixedRank}, {@code rows x rows} PSD matrices of rank {@code rank} as
 * factors {@code Y} modulo rotations, with the lift {@code xxt} ({@code YYᵀ}). An initial point is given as the
 * factor {@code Y}.
 */
public final class PsdFixedRankProvider implements ManifoldProvider {

    @Override
    public String name() {
        return "psd-fixed-rank";
    }

    @Override
    public String description() {
        return "rows x rows PSD matrices of fixed rank as factors Y (YY^T), quotient by rotations Y ~ YQ";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.required("rows", ParameterType.INTEGER, "rows n of the factor Y (YY^T is n x n)"),
                ParameterSpec.required("rank", ParameterType.INTEGER, "the rank r, 1 <= r <= n (columns of Y)"));
    }

    @Override
    public SearchSpace<DenseMatrix, DenseMatrix> create(Parameters p) {
        PsdFixedRank manifold = new PsdFixedRank(p.integer("rows"), p.integer("rank"));
        double numbers = (double) manifold.n() * manifold.rank();
        MemoryBudget.requirePoints("rows", "n·r", numbers, numbers);
        Map<String, Lift<DenseMatrix, DenseMatrix>> lifts = Map.of("xxt",
                new XxtLift(manifold.n(), manifold.rank()));
        return new BasicSearchSpace<>(manifold, lifts, "xxt", manifold.rank()) {
            @Override
            public DenseMatrix pointFromMatrix(DenseMatrix matrix) {
                return manifold.fromMatrix(matrix);
            }

            @Override
            public Map<String, DenseMatrix> pointArrays(DenseMatrix x) {
                return Map.of("matrix", x);
            }
        };
    }
}
