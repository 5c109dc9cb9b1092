package org.riemopt.manifolds;

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

import java.util.List;

/**
 * Spec name {@code fixed-rank}: {@link FixedRankEmbedded} {@code rows x cols} matrices of rank {@code rank}, with
 * the lift {@code identity}. An initial point is given as the full matrix.
 */
public final class FixedRankProvider implements ManifoldProvider {

    @Override
    public String name() {
        return "fixed-rank";
    }

    @Override
    public String description() {
        return "rows x cols matrices of fixed rank, embedded (U S V^T, tangent vectors (Up, M, Vp))";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.required("rows", ParameterType.INTEGER, "rows m"),
                ParameterSpec.required("cols", ParameterType.INTEGER, "columns n"),
                ParameterSpec.required("rank", ParameterType.INTEGER, "the rank r, 1 <= r <= min(m, n)"));
    }

    @Override
    public SearchSpace<FixedRankPoint, FixedRankTangent> create(Parameters p) {
        FixedRankEmbedded manifold = new FixedRankEmbedded(p.integer("rows"), p.integer("cols"), p.integer("rank"));
        // U S Vᵀ: U m x r, S r x r, V n x r.
        long longer = Math.max(manifold.rows(), manifold.cols());
        MemoryBudget.requirePoints(manifold.rows() >= manifold.cols() ? "rows" : "cols", "(m+n+r)·r",
                ((double) manifold.rows() + manifold.cols() + manifold.rank()) * manifold.rank(),
                (double) longer * manifold.rank());
        Map<String, Lift<FixedRankPoint, FixedRankTangent>> lifts = Map.of("identity",
                new FixedRankIdentityLift(manifold.rows(), manifold.cols()));
        return new BasicSearchSpace<>(manifold, lifts, "identity", manifold.rank()) {
            @Override
            public FixedRankPoint pointFromMatrix(DenseMatrix matrix) {
                return manifold.fromMatrix(matrix);
            }

            @Override
            public FixedRankPoint pointFromFactors(DenseMatrix u, DenseMatrix v) {
                return manifold.fromFactors(u, v);
            }

            @Override
            public Map<String, DenseMatrix> pointArrays(FixedRankPoint x) {
                Map<String, DenseMatrix> arrays = new LinkedHashMap<>();
                arrays.put("u", x.u());
                arrays.put("s", x.s());
                arrays.put("v", x.v());
                return arrays;
            }
        };
    }
}
