package org.riemopt.bench;

import org.riemopt.manifolds.XxtLift;
import org.riemopt.problem.DenseMeasurementOperator;
import org.riemopt.problem.MeasurementOperator;
import org.riemopt.problem.WorkCounts;

/**
 * The bytes a kernel must read at least, the numerator of its bandwidth:
 * <ul>
 *   <li>a new point: the operator's data, once ({@link MeasurementOperator#dataBytes()});</li>
 *   <li>a Hessian-vector product of a dense operator: the point's Jacobian blocks ({@code AᵢX}, or {@code AᵢV} and
 *       {@code AᵢᵀU}: {@code 8·m·r·rows}, or {@code 8·m·r·(rows + cols)}) once, in the one sweep that pushes and
 *       pulls them (the Gauss–Newton product); of a completion operator: its index pattern once and eight bytes per entry twice (the pushed
 *       values written, then read by the pullback);</li>
 *   <li>a whole solve: its operator passes and Hessian-vector products times the above, counted on one solve.</li>
 * </ul>
 */
final class Traffic {

    private Traffic() {
    }

    /** The bytes of benchmark method {@code method} on {@code workload}. */
    static long of(String method, Operations<?, ?> operations, Workload workload) {
        return switch (method) {
            case "newPoint" -> point(operations);
            case "hessianVectorProduct" -> hessianVectorProduct(operations, workload);
            case "solve" -> {
                WorkCounts work = operations.solveWork();
                yield work.operatorPasses() * point(operations)
                        + work.hessianVectorProducts() * hessianVectorProduct(operations, workload);
            }
            default -> throw new IllegalArgumentException("no traffic model for benchmark method " + method);
        };
    }

    static long point(Operations<?, ?> operations) {
        return operations.problem().operator().dataBytes();
    }

    static long hessianVectorProduct(Operations<?, ?> operations, Workload workload) {
        MeasurementOperator a = operations.problem().operator();
        long m = a.size();
        if (a instanceof DenseMeasurementOperator dense) {
            // XXᵀ on a symmetric operator keeps one block per measurement (U = V = X), other lifts two.
            long height = dense.isSymmetric() && operations.problem().lift() instanceof XxtLift
                    ? a.rows() : a.rows() + (long) a.cols();
            return 8 * m * workload.rank() * height;
        }
        return a.dataBytes() + 2 * 8 * m;
    }
}
