package org.riemopt.plugins.solvers;

import java.util.List;

import org.riemopt.manifolds.ScaledPreconditioner;
import org.riemopt.manifolds.ScaledPreconditioner.Damping;
import org.riemopt.problem.Objective;
import org.riemopt.problem.Preconditioner;
import org.riemopt.spi.ParameterSpec;
import org.riemopt.spi.ParameterType;
import org.riemopt.spi.Parameters;

/**
 * The spec options of the scaled preconditioner {@code ξ ↦ ξ(XᵀX + ηI)⁻¹} ({@link ScaledPreconditioner}), shared by
 * {@code precgd} and {@code trust-regions}: {@code damping} (a fixed η; absent: {@code η = dampingScale·√f(x)}) and
 * {@code dampingScale} (default 1).
 */
final class ScaledPreconditioning {

    private ScaledPreconditioning() {
    }

    /** The damping parameters, with {@link Damping#AUTO} as defaults. */
    static List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.optional("damping", ParameterType.NUMBER, Damping.AUTO.fixed(),
                        "a fixed damping eta >= 0 of the preconditioner (X^T X + eta I)^-1; absent: "
                                + "eta = dampingScale * sqrt(f(x)) at each point (Zhang, Fattahi, Zhang 2021)"),
                ParameterSpec.optional("dampingScale", ParameterType.NUMBER, Damping.AUTO.scale(),
                        "the constant c of the damping rule eta = c * sqrt(f(x))"));
    }

    /** The damping from parameters declared with {@link #parameters()}. */
    static Damping damping(Parameters p) {
        return new Damping(p.number("damping"), p.number("dampingScale"));
    }

    /**
     * The scaled preconditioner of the problem's lift.
     *
     * @throws IllegalArgumentException if the problem is not a measured one with the {@code xxt} or {@code uvt} lift
     */
    static <P, T> Preconditioner<P, T> of(Objective<P, T> problem, Damping damping, String solver) {
        return ScaledPreconditioner.of(problem, damping).orElseThrow(() -> new IllegalArgumentException(solver
                + ": the scaled preconditioner (X^T X + eta I)^-1 needs factors to scale: a measured problem with "
                + "the xxt lift (euclidean manifold) or the uvt lift (factors manifold), not "
                + problem.manifold().name()));
    }
}
