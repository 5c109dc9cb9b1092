package org.riemopt.diagnostics;

/**
 * A Taylor-expansion test along one direction: the model errors {@code e(t)} at step sizes {@code t}, and the slope
 * of {@code log e} against {@code log t} on the longest range where that graph is a straight line. A correct
 * gradient gives slope 2, a correct Hessian slope 3. If the model is exact up to round-off (e.g. a quadratic cost
 * in the Hessian test), there is no line to fit: {@link #exact()} is true and the slope is {@code NaN}.
 *
 * @param stepSizes the step sizes {@code t}, increasing
 * @param errors    the model errors at those steps
 * @param slope     the fitted slope, {@code NaN} if exact
 * @param fitFrom   first index of the fitted range
 * @param fitTo     last index of the fitted range (inclusive)
 * @param exact     whether every error is at round-off level
 */
public record SlopeCheck(double[] stepSizes, double[] errors, double slope, int fitFrom, int fitTo, boolean exact) {
}
