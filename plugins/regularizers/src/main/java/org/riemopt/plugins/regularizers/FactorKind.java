package org.riemopt.plugins.regularizers;

import java.util.List;

import org.riemopt.linalg.AmbientMatrix;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.linalg.ProductAmbient;
import org.riemopt.manifold.Manifold;
import org.riemopt.manifolds.Euclidean;
import org.riemopt.manifolds.PsdFixedRank;
import org.riemopt.manifolds.ProductManifold;
import org.riemopt.manifolds.Tuple;

/**
 * What the points of a manifold are, as far as a regularizer on factors cares, decided by the manifold's class (the
 * regularizer is created for a search space before its lift is chosen):
 * <ul>
 *   <li>{@link #PAIR}: a {@link ProductManifold} of two {@link Euclidean}s, the factor space of pairs
 *       {@code (U, V)} (spec {@code factors}, lift {@code UVᵀ}); points and tangent vectors are {@link Tuple}s and
 *       the ambient space is {@link ProductAmbient}{@code (U-block, V-block)};</li>
 *   <li>{@link #EUCLIDEAN}: one {@link Euclidean} matrix {@code X} (spec {@code euclidean}, lifted by {@code XXᵀ}
 *       or used as is);</li>
 *   <li>{@link #PSD}: a factor {@code Y} of {@link PsdFixedRank} ({@code YYᵀ}), a quotient by rotations, not a
 *       Euclidean space;</li>
 *   <li>{@link #OTHER}: anything else (fixed-rank matrices {@code U S Vᵀ}, other products), where a point is not a
 *       factor.</li>
 * </ul>
 */
enum FactorKind {
    PAIR, EUCLIDEAN, PSD, OTHER;

    /** The kind of the points of {@code manifold}. */
    static FactorKind of(Manifold<?, ?> manifold) {
        if (manifold instanceof ProductManifold product && product.factors().size() == 2
                && product.factors().stream().allMatch(Euclidean.class::isInstance)) {
            return PAIR;
        }
        if (manifold instanceof Euclidean) {
            return EUCLIDEAN;
        }
        return manifold instanceof PsdFixedRank ? PSD : OTHER;
    }

    /**
     * The factor matrices of a point or tangent vector of a {@link #PAIR}, {@link #EUCLIDEAN} or {@link #PSD}
     * manifold: {@code [U, V]} of a tuple, {@code [X]} of a matrix.
     */
    static List<DenseMatrix> blocks(Object pointOrTangent) {
        if (pointOrTangent instanceof Tuple t) {
            return List.of(t.<DenseMatrix>get(0), t.<DenseMatrix>get(1));
        }
        return List.of((DenseMatrix) pointOrTangent);
    }

    /** The ambient matrix of factor blocks: the matrix itself for one block, their block diagonal for a pair. */
    static AmbientMatrix ambient(List<DenseMatrix> blocks) {
        return blocks.size() == 1 ? blocks.get(0) : new ProductAmbient(blocks);
    }
}
