package dev.reclaimer.benchmarks.jmh;

import dev.reclaimer.Reclaimer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Item 3: what a {@code @Safepoint} iteration costs. With nothing ready it is the overhead every
 * main-loop iteration pays; with a batch of ready releases, the time per release it runs. For the
 * latter, an untimed set-up before each call retires the batch and waits one grace period, so the
 * timed call runs exactly the batch. JMH times such calls one by one, so at batch 1 the figure
 * carries the timer's own cost (two clock reads, about 20 to 30 ns); at 64 and 4096 it is spread.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SafepointBenchmark {

    /** The thread's loop, for the empty iterations. */
    @State(Scope.Thread)
    public static class Loop {
        final MainLoop loop = new MainLoop();
    }

    /** A batch made ready before each timed call. */
    public abstract static class ReadyBatch extends RetiringLoop {
        ReadyBatch(int size) {
            super(size);
        }

        /**
         * Retires the batch and waits until its grace period has passed.
         *
         * @throws InterruptedException if interrupted while waiting
         */
        @Setup(Level.Invocation)
        public void makeReady() throws InterruptedException {
            retireBatch();
            Reclaimer.synchronize();
        }
    }

    /** One ready release per call. */
    @State(Scope.Thread)
    public static class Ready1 extends ReadyBatch {
        /** Creates the batch. */
        public Ready1() {
            super(1);
        }
    }

    /** 64 ready releases per call. */
    @State(Scope.Thread)
    public static class Ready64 extends ReadyBatch {
        /** Creates the batch. */
        public Ready64() {
            super(64);
        }
    }

    /** 4096 ready releases per call. */
    @State(Scope.Thread)
    public static class Ready4096 extends ReadyBatch {
        /** Creates the batch. */
        public Ready4096() {
            super(4096);
        }
    }

    /**
     * A safepoint iteration with nothing to release.
     *
     * @param loop the thread's loop
     */
    @Benchmark
    public void safepointNothingReady(Loop loop) {
        loop.loop.iterate();
    }

    /**
     * The same iteration unannotated.
     *
     * @param loop the thread's loop
     */
    @Benchmark
    public void plainIteration(Loop loop) {
        loop.loop.iteratePlain();
    }

    /**
     * A safepoint that runs one ready release; per release.
     *
     * @param batch the ready batch
     */
    @Benchmark
    public void safepointReady1(Ready1 batch) {
        batch.loop.iterate();
    }

    /**
     * A safepoint that runs 64 ready releases; per release.
     *
     * @param batch the ready batch
     */
    @Benchmark
    @OperationsPerInvocation(64)
    public void safepointReady64(Ready64 batch) {
        batch.loop.iterate();
    }

    /**
     * A safepoint that runs 4096 ready releases; per release.
     *
     * @param batch the ready batch
     */
    @Benchmark
    @OperationsPerInvocation(4096)
    public void safepointReady4096(Ready4096 batch) {
        batch.loop.iterate();
    }
}
