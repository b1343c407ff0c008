package dev.reclaimer.benchmarks.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Item 4: retire, grace period and release, per object, in steady state.
 *
 * <p>With a main loop, each call retires a batch and runs one safepoint iteration; the releases of
 * one iteration become ready two epochs later, so every safepoint runs the batch retired an
 * iteration earlier (the suite sets {@code drain.max-releases=4096} so one safepoint may run a
 * whole batch). With the background drainer alone, each call retires a batch and waits, yielding,
 * until the drainer has run all of it; that figure is bounded below by the drainer's tick divided
 * by the batch.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FullCycleBenchmark {

    /** One object per cycle. */
    @State(Scope.Thread)
    public static class Batch1 extends RetiringLoop {
        /** Creates the batch. */
        public Batch1() {
            super(1);
        }
    }

    /** 64 objects per cycle. */
    @State(Scope.Thread)
    public static class Batch64 extends RetiringLoop {
        /** Creates the batch. */
        public Batch64() {
            super(64);
        }
    }

    /** 4096 objects per cycle. */
    @State(Scope.Thread)
    public static class Batch4096 extends RetiringLoop {
        /** Creates the batch. */
        public Batch4096() {
            super(4096);
        }
    }

    private static void mainLoopCycle(RetiringLoop state) {
        state.retireBatch();
        state.loop.iterate();
    }

    private static void backgroundCycle(RetiringLoop state) {
        state.retireBatch();
        while (state.counter.countAcquire() < state.retired) {
            Thread.yield();
        }
    }

    /**
     * Main loop, batch 1; per object.
     *
     * @param state the thread's loop and batch
     */
    @Benchmark
    public void mainLoop1(Batch1 state) {
        mainLoopCycle(state);
    }

    /**
     * Main loop, batch 64; per object.
     *
     * @param state the thread's loop and batch
     */
    @Benchmark
    @OperationsPerInvocation(64)
    public void mainLoop64(Batch64 state) {
        mainLoopCycle(state);
    }

    /**
     * Main loop, batch 4096; per object.
     *
     * @param state the thread's loop and batch
     */
    @Benchmark
    @OperationsPerInvocation(4096)
    public void mainLoop4096(Batch4096 state) {
        mainLoopCycle(state);
    }

    /**
     * Background drainer, batch 1; per object.
     *
     * @param state the thread's batch
     */
    @Benchmark
    public void background1(Batch1 state) {
        backgroundCycle(state);
    }

    /**
     * Background drainer, batch 64; per object.
     *
     * @param state the thread's batch
     */
    @Benchmark
    @OperationsPerInvocation(64)
    public void background64(Batch64 state) {
        backgroundCycle(state);
    }

    /**
     * Background drainer, batch 4096; per object.
     *
     * @param state the thread's batch
     */
    @Benchmark
    @OperationsPerInvocation(4096)
    public void background4096(Batch4096 state) {
        backgroundCycle(state);
    }
}
