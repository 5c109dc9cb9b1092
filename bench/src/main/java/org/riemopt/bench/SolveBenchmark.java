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

/** Whole solves from the spec's start with the spec's solver and stopping rules, warm. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SolveBenchmark {

    /** A {@link Workload#id()}. */
    @Param({"demo-r2", "demo", "fixed-rank", "completion"})
    public String workload;

    private Operations<?, ?> operations;

    /** Loads the instance from its spec. */
    @Setup(Level.Trial)
    public void load() {
        operations = Operations.of(Workload.of(workload));
    }

    /** One solve. */
    @Benchmark
    public Object solve() {
        return operations.solve();
    }
}
