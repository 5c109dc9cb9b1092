package org.riemopt.problem;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A weighted sum of losses, {@code ℓ(r) = Σₖ wₖ ℓₖ(r)}, itself a {@link Loss}, so that every solver and diagnostic
 * works on it unchanged. With {@code ℓ₁ = l2} and {@code ℓ₂ = high-order} of order {@code l} and weight {@code λ}
 * it is the objective {@code f + λ f^l} of Ma, Chen, Lavaei, Sojoudi, "Absence of spurious solutions far from ground
 * truth: a low-rank analysis with high-order losses" (2024), equation (8).
 *
 * <p>It is twice differentiable iff every term is; its derivatives are the weighted sums of the terms'.
 */
public final class WeightedLossSum implements Loss {

    /**
     * One term {@code w·ℓ}.
     *
     * @param weight {@code w}, finite and {@code > 0}
     * @param loss   {@code ℓ}
     */
    public record Term(double weight, Loss loss) {

        /** @throws IllegalArgumentException if the weight is not finite and positive */
        public Term {
            if (!(weight > 0) || !Double.isFinite(weight)) {
                throw new IllegalArgumentException("loss term weight " + weight + ": must be finite and > 0 (a zero "
                        + "weight would drop the term, a negative one would reward misfit)");
            }
            if (loss == null) {
                throw new IllegalArgumentException("a loss term needs a loss");
            }
        }

        /** {@code "0.5*high-order"}, or the loss's name alone when the weight is 1. */
        String label() {
            return weight == 1 ? loss.name() : weight + "*" + loss.name();
        }
    }

    private final List<Term> terms;
    private final String name;
    private final boolean twiceDifferentiable;

    private WeightedLossSum(List<Term> terms) {
        this.terms = List.copyOf(terms);
        this.name = this.terms.stream().map(Term::label).collect(Collectors.joining(" + "));
        this.twiceDifferentiable = this.terms.stream().allMatch(t -> t.loss().isTwiceDifferentiable());
    }

    /**
     * The loss {@code Σₖ wₖ ℓₖ}: a single term of weight 1 is its loss itself, anything else a sum.
     *
     * @throws IllegalArgumentException if {@code terms} is empty
     */
    public static Loss of(List<Term> terms) {
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("a loss needs at least one term");
        }
        if (terms.size() == 1 && terms.get(0).weight() == 1) {
            return terms.get(0).loss();
        }
        return new WeightedLossSum(terms);
    }

    /** The terms, in the order given. */
    public List<Term> terms() {
        return terms;
    }

    /** The terms' labels joined by {@code " + "}, e.g. {@code "l2 + 0.5*high-order"}. */
    @Override
    public String name() {
        return name;
    }

    @Override
    public double value(double r) {
        double s = 0;
        for (Term t : terms) {
            s += t.weight() * t.loss().value(r);
        }
        return s;
    }

    @Override
    public double derivative(double r) {
        double s = 0;
        for (Term t : terms) {
            s += t.weight() * t.loss().derivative(r);
        }
        return s;
    }

    @Override
    public double secondDerivative(double r) {
        double s = 0;
        for (Term t : terms) {
            s += t.weight() * t.loss().secondDerivative(r);
        }
        return s;
    }

    @Override
    public boolean isTwiceDifferentiable() {
        return twiceDifferentiable;
    }
}
