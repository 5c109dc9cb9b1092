package org.riemopt.problem;

import org.riemopt.linalg.AmbientMatrix;
import org.riemopt.linalg.LowRankMatrix;

/**
 * An operator that comes with a known instance from the literature: its ground truth and a spurious point of the
 * composed cost (a critical point, or an approximate second-order point, that is not the truth). Specs reach them as
 * {@code truth: {type: example}} and {@code init: {type: spurious}}.
 */
public interface Counterexample {

    /** The example's ground truth {@code M*}. */
    AmbientMatrix truth();

    /**
     * The spurious point as a factored matrix {@code L Rᵀ} whose factors are the point: {@code L = R = X₀} for the
     * symmetric parameterization {@code X₀X₀ᵀ}, {@code (U₀, V₀)} for {@code UVᵀ}.
     */
    LowRankMatrix spuriousPoint();

    /** Where the example comes from, e.g. {@code "Zhang (2024), Example 4.1"}. */
    String source();
}
