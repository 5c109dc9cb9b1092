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

    /** How far a fitted slope may be from the expected one and still count as agreeing. */
    public static final double SLOPE_TOLERANCE = 0.1;

    /** Whether a straight range was fitted and its slope is {@code expected} within {@link #SLOPE_TOLERANCE}. */
    public boolean agrees(int expected) {
        return !exact && Math.abs(slope - expected) <= SLOPE_TOLERANCE;
    }

    /**
     * What the check says, in words, for a model of order {@code expected − 1} (2 for the gradient, 3 for the
     * Hessian): agreement, an exact model (a cost polynomial of that order along the direction: nothing to fit, and
     * nothing wrong), a curve with no straight range (round-off or a nonsmooth cost), or a slope that points to a
     * wrong derivative.
     */
    public String verdict(int expected) {
        if (exact) {
            return "the model is exact to round-off: the cost is " + (expected == 3 ? "quadratic" : "linear")
                    + " along this direction, so there is no slope to fit (consistent with a correct derivative)";
        }
        if (Double.isNaN(slope)) {
            return "no straight range to fit: the errors are at round-off level or the cost is not smooth here";
        }
        if (agrees(expected)) {
            return "as expected";
        }
        return "expected " + expected + ": the " + (expected == 3 ? "Hessian (or, away from a critical point, the "
                + "retraction's second-order agreement)" : "gradient") + " is likely wrong";
    }
}
