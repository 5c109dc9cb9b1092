package org.riemopt.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The per-point operations: a new point (one pass over the operator) and one Hessian-vector product. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PointBenchmark {

    /** A {@link Workload#id()}. */
    @Param({"demo", "fixed-rank", "factors", "completion"})
    public String workload;

    private Operations<?, ?> operations;

    /** Loads the instance from its spec. */
    @Setup(Level.Trial)
    public void load() {
        operations = Operations.of(Workload.of(workload));
    }

    /** Linearization, cost and gradient at a new point. */
    @Benchmark
    public Object newPoint() {
        return operations.newPoint();
    }

    /** One Hessian-vector product from the point's cache. */
    @Benchmark
    public Object hessianVectorProduct() {
        return operations.hessianVectorProduct();
    }
}
