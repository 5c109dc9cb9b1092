package org.riemopt.cli;

import java.util.random.RandomGenerator;

import org.riemopt.linalg.Decompositions;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.manifolds.FixedRankPoint;
import org.riemopt.manifolds.Tuple;
import org.riemopt.manifolds.XxtLift;
import org.riemopt.problem.Lift;

/**
 * The plane {@code x(a, b) = x₀ + a·d₁ + b·d₂} of a landscape slice, in the flat coordinates of the points: the
 * entries of {@code X} for a single factor ({@code euclidean}, {@code psd-fixed-rank}), of {@code U} then {@code V}
 * for the factor space. {@code d₁ = x₁ − x₀} points from the start to the target, so the target sits at
 * {@code (1, 0)}; {@code d₂} is a seeded Gaussian direction made orthogonal to {@code d₁} and scaled to its norm
 * (seed 004's figure: "two orthogonal directions from the critical point to the ground truth").
 *
 * <p>Factor parameterizations determine a point only up to rotation ({@code XXᵀ = (XR)(XR)ᵀ},
 * {@code UVᵀ = (UR)(VR)ᵀ} for orthogonal {@code R}), so by default the target is first rotated onto the start by
 * orthogonal Procrustes: {@code R} is the polar factor of {@code X₁ᵀX₀} (of {@code U₁ᵀU₀ + V₁ᵀV₀} for pairs), the
 * rotation that brings {@code x₁} closest to {@code x₀}. The target's matrix and cost do not change; without it the
 * plane would also cut through the target's orbit of rotations, a direction along which the cost is flat at the
 * target but which says nothing about the landscape between the two points.
 *
 * <p>The grid node {@code (0, 0)} is the start itself and {@code (1, 0)} the (aligned) target itself, so their costs
 * are exactly those of the points rather than of a round-off reconstruction {@code x₀ + (x₁ − x₀)}.
 *
 * @param <P> point type: {@link DenseMatrix} or a {@link Tuple} of two
 */
final class SlicePlane<P> {

    private final Flat<P> flat;
    private final P start;
    private final P target;
    private final double[] origin;
    private final double[] toward;
    private final double[] across;
    private final double distance;
    private final boolean aligned;

    private SlicePlane(Flat<P> flat, P start, P target, boolean aligned, RandomGenerator random) {
        this.flat = flat;
        this.start = start;
        this.target = target;
        this.aligned = aligned;
        origin = flat.flatten(start);
        double[] end = flat.flatten(target);
        toward = new double[origin.length];
        for (int i = 0; i < origin.length; i++) {
            toward[i] = end[i] - origin[i];
        }
        distance = Math.sqrt(dot(toward, toward));
        if (!(distance > 0)) {
            throw new IllegalArgumentException("the start and the target are the same point"
                    + (aligned ? " (after rotating the target onto the start)" : "")
                    + "; a slice needs two distinct points");
        }
        across = new double[origin.length];
        for (int i = 0; i < across.length; i++) {
            across[i] = random.nextGaussian();
        }
        double along = dot(across, toward) / (distance * distance);
        for (int i = 0; i < across.length; i++) {
            across[i] -= along * toward[i];
        }
        double scale = distance / Math.sqrt(dot(across, across));
        for (int i = 0; i < across.length; i++) {
            across[i] *= scale;
        }
    }

    /**
     * The plane from {@code start} towards {@code target} for points of the kind {@code start} is, the target
     * rotated onto the start first when {@code align} is set and the lift is a factorization.
     *
     * @throws IllegalArgumentException if the points are not of a kind a plane is defined for here, or coincide
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static <P> SlicePlane<P> of(P start, P target, Lift<P, ?> lift, boolean align, RandomGenerator random) {
        Flat<P> flat;
        if (start instanceof DenseMatrix x) {
            flat = (Flat) new SingleFactor(x.rows(), x.cols(), lift instanceof XxtLift);
        } else if (start instanceof Tuple t && t.size() == 2 && t.components().get(0) instanceof DenseMatrix u
                && t.components().get(1) instanceof DenseMatrix v) {
            flat = (Flat) new FactorPair(u.rows(), v.rows(), u.cols());
        } else if (start instanceof FixedRankPoint) {
            throw new IllegalArgumentException("slices of the fixed-rank manifold are not supported yet: its points "
                    + "are rank-r matrices, and a plane through two of them leaves the manifold; use the factor "
                    + "space (manifold: {type: factors}) to look at the same landscape through U V^T");
        } else {
            throw new IllegalArgumentException("a slice needs points with flat coordinates (a matrix X or a pair "
                    + "(U, V)); this manifold's points are " + start.getClass().getSimpleName());
        }
        boolean rotate = align && flat.rotatable();
        return new SlicePlane<>(flat, start, rotate ? flat.align(target, start) : target, rotate, random);
    }

    /** The point {@code x₀ + a·d₁ + b·d₂}; the start itself at {@code (0, 0)}, the target itself at {@code (1, 0)}. */
    P at(double a, double b) {
        if (b == 0 && (a == 0 || a == 1)) {
            return a == 0 ? start : target;
        }
        double[] x = new double[origin.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = origin[i] + a * toward[i] + b * across[i];
        }
        return flat.point(x);
    }

    /** The target as the plane uses it (rotated onto the start when aligned). */
    P target() {
        return target;
    }

    /** {@code ‖d₁‖ = ‖d₂‖}, the distance from the start to the (aligned) target in flat coordinates. */
    double distance() {
        return distance;
    }

    /** Whether the target was rotated onto the start. */
    boolean aligned() {
        return aligned;
    }

    private static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    /** The polar factor {@code A Bᵀ} of {@code m = A S Bᵀ}: the rotation {@code R} maximizing {@code tr(Rᵀ m)}. */
    private static DenseMatrix polar(DenseMatrix m) {
        Decompositions.SVD svd = Decompositions.svd(m);
        return svd.u().timesTranspose(svd.v());
    }

    /** A kind of point as one vector of coordinates. */
    private interface Flat<P> {
        double[] flatten(P x);

        P point(double[] coordinates);

        /** Whether the lift is invariant under rotations of the factors, so that aligning is meaningful. */
        boolean rotatable();

        /** {@code target} rotated as close as possible to {@code reference}. */
        P align(P target, P reference);
    }

    /** A single factor {@code X}, lifted by {@code XXᵀ} ({@code rotatable}) or by the identity. */
    private record SingleFactor(int rows, int cols, boolean rotatable) implements Flat<DenseMatrix> {
        @Override
        public double[] flatten(DenseMatrix x) {
            return x.data().clone();
        }

        @Override
        public DenseMatrix point(double[] coordinates) {
            return DenseMatrix.wrap(rows, cols, coordinates);
        }

        @Override
        public DenseMatrix align(DenseMatrix target, DenseMatrix reference) {
            return target.times(polar(target.transposeTimes(reference)));
        }
    }

    /** A pair {@code (U, V)} lifted by {@code UVᵀ}, flattened as {@code U} then {@code V}. */
    private record FactorPair(int rows, int cols, int rank) implements Flat<Tuple> {
        @Override
        public double[] flatten(Tuple x) {
            double[] u = x.<DenseMatrix>get(0).data();
            double[] v = x.<DenseMatrix>get(1).data();
            double[] out = new double[u.length + v.length];
            System.arraycopy(u, 0, out, 0, u.length);
            System.arraycopy(v, 0, out, u.length, v.length);
            return out;
        }

        @Override
        public Tuple point(double[] coordinates) {
            int split = rows * rank;
            double[] u = new double[split];
            double[] v = new double[coordinates.length - split];
            System.arraycopy(coordinates, 0, u, 0, split);
            System.arraycopy(coordinates, split, v, 0, v.length);
            return Tuple.of(DenseMatrix.wrap(rows, rank, u), DenseMatrix.wrap(cols, rank, v));
        }

        @Override
        public boolean rotatable() {
            return true;
        }

        @Override
        public Tuple align(Tuple target, Tuple reference) {
            DenseMatrix u = target.get(0);
            DenseMatrix v = target.get(1);
            DenseMatrix r = polar(u.transposeTimes(reference.get(0)).plus(v.transposeTimes(reference.get(1))));
            return Tuple.of(u.times(r), v.times(r));
        }
    }
}
