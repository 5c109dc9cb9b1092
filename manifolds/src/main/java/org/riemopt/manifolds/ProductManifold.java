package org.riemopt.manifolds;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

import org.riemopt.linalg.AmbientMatrix;
import org.riemopt.linalg.ProductAmbient;
import org.riemopt.manifold.Manifold;

/**
 * The product {@code M₁ x … x M_k} of Riemannian manifolds with the product metric (Manopt's
 * {@code productmanifold}). Points and tangent vectors are {@link Tuple}s with one component per factor; every
 * operation acts componentwise, and the metric is the sum of the factors' metrics.
 *
 * <p>The ambient space is the tuple of the factors' ambient spaces, as block-diagonal matrices
 * ({@link ProductAmbient}): a Euclidean gradient arrives as one, and the projection hands factor {@code i} its
 * block {@code i} (any other ambient matrix is split into block views, never formed).
 *
 * <p>As Manopt: {@code dim = Σ dimᵢ}, {@code typicalDist = √(Σ typicalDistᵢ²)}, random points draw each factor's in
 * order from the one generator, and a random tangent vector is the factors' random tangent vectors scaled to unit
 * norm overall.
 */
public final class ProductManifold implements Manifold<Tuple, Tuple> {

    private final List<Manifold<?, ?>> factors;
    private final int[] blockRows;
    private final int[] blockCols;

    private ProductManifold(List<Manifold<?, ?>> factors) {
        if (factors.isEmpty()) {
            throw new IllegalArgumentException("a product manifold needs at least one factor");
        }
        this.factors = List.copyOf(factors);
        this.blockRows = this.factors.stream().mapToInt(Manifold::ambientRows).toArray();
        this.blockCols = this.factors.stream().mapToInt(Manifold::ambientCols).toArray();
    }

    /**
     * The product of {@code factors}, in order.
     *
     * @throws IllegalArgumentException if there are no factors
     */
    public static ProductManifold of(Manifold<?, ?>... factors) {
        return new ProductManifold(List.of(factors));
    }

    /** The factors, in order. */
    public List<Manifold<?, ?>> factors() {
        return factors;
    }

    @Override
    public String name() {
        return factors.stream().map(Manifold::name).collect(Collectors.joining(", ", "Product(", ")"));
    }

    @Override
    public int dim() {
        return factors.stream().mapToInt(Manifold::dim).sum();
    }

    @Override
    public int ambientRows() {
        return sum(blockRows);
    }

    @Override
    public int ambientCols() {
        return sum(blockCols);
    }

    @Override
    public double inner(Tuple x, Tuple u, Tuple v) {
        double s = 0;
        for (int i = 0; i < factors.size(); i++) {
            s += factor(i).inner(x.get(i), u.get(i), v.get(i));
        }
        return s;
    }

    @Override
    public Tuple proj(Tuple x, AmbientMatrix ambient) {
        List<AmbientMatrix> blocks = blocks(ambient);
        return each(i -> factor(i).proj(x.get(i), blocks.get(i)));
    }

    @Override
    public Tuple tangent(Tuple x, Tuple u) {
        return each(i -> factor(i).tangent(x.get(i), u.get(i)));
    }

    @Override
    public Tuple retract(Tuple x, Tuple u, double t) {
        return each(i -> factor(i).retract(x.get(i), u.get(i), t));
    }

    @Override
    public Tuple transport(Tuple x, Tuple y, Tuple u) {
        return each(i -> factor(i).transport(x.get(i), y.get(i), u.get(i)));
    }

    @Override
    public Tuple egradToRgrad(Tuple x, AmbientMatrix egrad) {
        List<AmbientMatrix> blocks = blocks(egrad);
        return each(i -> factor(i).egradToRgrad(x.get(i), blocks.get(i)));
    }

    @Override
    public Tuple ehessToRhess(Tuple x, AmbientMatrix egrad, AmbientMatrix ehess, Tuple u) {
        List<AmbientMatrix> gradBlocks = blocks(egrad);
        List<AmbientMatrix> hessBlocks = blocks(ehess);
        return each(i -> factor(i).ehessToRhess(x.get(i), gradBlocks.get(i), hessBlocks.get(i), u.get(i)));
    }

    @Override
    public Tuple random(RandomGenerator random) {
        return each(i -> factor(i).random(random));
    }

    @Override
    public Tuple randomTangent(Tuple x, RandomGenerator random) {
        Tuple u = each(i -> factor(i).randomTangent(x.get(i), random));
        return lincomb(x, 1 / norm(x, u), u, 0, u);
    }

    @Override
    public Tuple zeroTangent(Tuple x) {
        return each(i -> factor(i).zeroTangent(x.get(i)));
    }

    @Override
    public Tuple lincomb(Tuple x, double a, Tuple u, double b, Tuple v) {
        return each(i -> factor(i).lincomb(x.get(i), a, u.get(i), b, v.get(i)));
    }

    @Override
    public double typicalDist() {
        double s = 0;
        for (Manifold<?, ?> f : factors) {
            s += f.typicalDist() * f.typicalDist();
        }
        return Math.sqrt(s);
    }

    /** The factors' blocks of an ambient matrix. */
    private List<AmbientMatrix> blocks(AmbientMatrix ambient) {
        if (ambient.rows() != ambientRows() || ambient.cols() != ambientCols()) {
            throw new IllegalArgumentException(name() + ": ambient matrices are " + ambientRows() + "x"
                    + ambientCols() + ", got " + ambient.rows() + "x" + ambient.cols());
        }
        return ProductAmbient.diagonalBlocks(ambient, blockRows, blockCols);
    }

    /** The tuple of {@code component.apply(i)} over the factors. */
    private Tuple each(IntFunction<Object> component) {
        List<Object> out = new ArrayList<>(factors.size());
        for (int i = 0; i < factors.size(); i++) {
            out.add(component.apply(i));
        }
        return new Tuple(out);
    }

    /**
     * Factor {@code i} with its types erased: the tuple's components are that factor's own points and tangent
     * vectors, so they are handed back to it unchanged.
     */
    @SuppressWarnings("unchecked")
    private Manifold<Object, Object> factor(int i) {
        return (Manifold<Object, Object>) factors.get(i);
    }

    private static int sum(int[] sizes) {
        int s = 0;
        for (int v : sizes) {
            s += v;
        }
        return s;
    }
}
