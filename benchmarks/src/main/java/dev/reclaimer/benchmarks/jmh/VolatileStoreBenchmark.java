package dev.reclaimer.benchmarks.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The yardstick the targets are stated in: one volatile store to a field of the thread's own, so no
 * cache line is shared when two threads run it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class VolatileStoreBenchmark {

    private volatile long field;
    private long next;

    /** Stores a changing value, so no store can be elided as redundant. */
    @Benchmark
    public void volatileStore() {
        field = ++next;
    }
}
