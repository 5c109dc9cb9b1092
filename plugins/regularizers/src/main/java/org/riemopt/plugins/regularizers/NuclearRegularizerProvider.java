package org.riemopt.plugins.regularizers;

import org.riemopt.problem.Regularizer;

/**
 * Spec name {@code nuclear}: the factored nuclear-norm surrogate of the regularized problem (BM),
 * {@code ½‖A(UVᵀ) − b‖² + λ(‖U‖²_F + ‖V‖²_F)/2}, in McRae, "Benefits and limits of rank overparametrization in
 * low-rank matrix optimization" (2026, seed 000, "Adding regularization"), which follows from the variational form
 * {@code ‖M‖_* = min over UVᵀ = M of (‖U‖²_F + ‖V‖²_F)/2} (Srebro, Rennie and Jaakkola 2005; Recht, Fazel and Parrilo
 * 2010):
 * <ul>
 *   <li>on the factor space {@code (U, V)}: {@code λ(‖U‖²_F + ‖V‖²_F)/2};</li>
 *   <li>on a symmetric factor {@code Y} ({@code euclidean} lifted by {@code XXᵀ}, {@code psd-fixed-rank}):
 *       {@code λ‖Y‖²_F = λ·tr(YYᵀ) = λ‖YYᵀ‖_*}, the nuclear norm itself since {@code YYᵀ ⪰ 0}. With the
 *       {@code identity} lift of {@code euclidean} the same term is a plain ridge penalty;</li>
 *   <li>refused elsewhere (fixed-rank points {@code U S Vᵀ} are matrices, not factors).</li>
 * </ul>
 */
public final class NuclearRegularizerProvider extends WeightedRegularizerProvider {

    /** Registered through {@code META-INF/services}. */
    public NuclearRegularizerProvider() {
        super("lambda", "the weight lambda >= 0 of the nuclear-norm surrogate");
    }

    @Override
    public String name() {
        return "nuclear";
    }

    @Override
    public String description() {
        return "nuclear-norm surrogate: lambda (||U||^2 + ||V||^2)/2 on (U, V), lambda ||Y||^2 = lambda tr(YY^T) on a "
                + "symmetric factor";
    }

    @Override
    <P, T> Regularizer<P, T> create(double lambda, FactorKind kind, String manifold) {
        return switch (kind) {
            case PAIR -> new ScaledSquaredNorm<>(lambda / 2);
            case EUCLIDEAN, PSD -> new ScaledSquaredNorm<>(lambda);
            case OTHER -> throw new IllegalArgumentException("nuclear acts on factors, and the points of " + manifold
                    + " are not factors; on fixed-rank use the factor space (manifold type 'factors', where nuclear "
                    + "is lambda (||U||^2 + ||V||^2)/2) or the symmetric factor of 'euclidean' or 'psd-fixed-rank'");
        };
    }
}
