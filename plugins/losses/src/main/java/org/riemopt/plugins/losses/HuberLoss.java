package org.riemopt.plugins.losses;

import org.riemopt.problem.Loss;

/**
 * The Huber loss (Huber, "Robust estimation of a location parameter", Ann. Math. Statist. 35, 1964):
 * {@code ℓ(r) = r²/2} for {@code |r| ≤ δ} and {@code δ(|r| − δ/2)} beyond, so {@code ℓ'(r) = clamp(r, −δ, δ)}
 * and {@code ℓ''(r) = 1} inside, 0 outside.
 *
 * <p>{@link #isTwiceDifferentiable()} is {@code false}: {@code ℓ} is once continuously differentiable with a
 * Lipschitz derivative, but {@code ℓ''} jumps at {@code ±δ}, so the quadratic model of a Hessian-based solver and the
 * Hessian spectra of the diagnostics are wrong for every residual near a kink, without a warning. The returned
 * second derivative is a generalized one (1 at {@code |r| = δ}). A twice-differentiable alternative needs no variant
 * here: the pseudo-Huber loss {@code δ²(√(1 + (r/δ)²) − 1)} equals {@code δ·(r² + δ²)^{1/2}} up to a constant, i.e.
 * {@code {type: lq, q: 1, smoothing: δ, weight: δ}}.
 */
public final class HuberLoss implements Loss {

    private final double delta;

    /**
     * @param delta the threshold {@code δ > 0}
     * @throws IllegalArgumentException if {@code δ} is not finite and positive
     */
    public HuberLoss(double delta) {
        if (!(delta > 0) || !Double.isFinite(delta)) {
            throw new IllegalArgumentException("delta: got " + delta + "; must be a finite number > 0");
        }
        this.delta = delta;
    }

    @Override
    public String name() {
        return "huber";
    }

    /** The threshold {@code δ}. */
    public double delta() {
        return delta;
    }

    @Override
    public double value(double r) {
        double a = Math.abs(r);
        return a <= delta ? 0.5 * r * r : delta * (a - 0.5 * delta);
    }

    @Override
    public double derivative(double r) {
        return Math.max(-delta, Math.min(delta, r));
    }

    @Override
    public double secondDerivative(double r) {
        return Math.abs(r) <= delta ? 1 : 0;
    }

    @Override
    public boolean isTwiceDifferentiable() {
        return false;
    }
}
