package org.riemopt.problem;

/**
 * The work a {@link Problem} has done: what {@code run --json} reports, and what a benchmark divides its time by.
 *
 * @param operatorPasses        linearizations at new points, each one pass over the operator's data (a batch
 *                              gradient of a stochastic solver reads only its batch and is not counted)
 * @param hessianVectorProducts calls of {@link Problem#hessian}
 */
public record WorkCounts(long operatorPasses, long hessianVectorProducts) {

    /** The work done since {@code earlier}, a count taken from the same problem before. */
    public WorkCounts since(WorkCounts earlier) {
        return new WorkCounts(operatorPasses - earlier.operatorPasses,
                hessianVectorProducts - earlier.hessianVectorProducts);
    }
}
