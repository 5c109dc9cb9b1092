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
import org.openjdk.jmh.annotations.Threads;

/**
 * The roofline probe: the sum of a {@code double[]}, a pure streaming read. 256 MB lives in memory (L3 here is
 * 32 MB); 8 MB per thread stays in L3 even on two threads. On two threads each thread reads its own array, so the
 * machine's bandwidth is twice the bytes of one array over the time of one sum.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StreamBenchmark {

    /** The array's size in MiB. */
    @Param({"8", "256"})
    public int mebibytes;

    private double[] data;

    /** Fills the array with non-zero values (so no page stays a shared zero page). */
    @Setup(Level.Trial)
    public void fill() {
        data = new double[mebibytes << 17];
        for (int i = 0; i < data.length; i++) {
            data[i] = 1 + (i & 1023);
        }
    }

    /** The sum on one thread. */
    @Benchmark
    @Threads(1)
    public double sumOneThread() {
        return sum(data);
    }

    /** The sum on two threads at once, each of its own array. */
    @Benchmark
    @Threads(2)
    public double sumTwoThreads() {
        return sum(data);
    }

    /**
     * {@code Σ aᵢ} with eight independent accumulators: HotSpot does not vectorize a floating-point reduction, and
     * one accumulator would measure the adder's latency, not the memory.
     */
    static double sum(double[] a) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int i = 0;
        for (; i + 8 <= a.length; i += 8) {
            s0 += a[i];
            s1 += a[i + 1];
            s2 += a[i + 2];
            s3 += a[i + 3];
            s4 += a[i + 4];
            s5 += a[i + 5];
            s6 += a[i + 6];
            s7 += a[i + 7];
        }
        for (; i < a.length; i++) {
            s0 += a[i];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }
}
