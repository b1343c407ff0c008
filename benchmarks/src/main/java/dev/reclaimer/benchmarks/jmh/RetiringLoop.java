package dev.reclaimer.benchmarks.jmh;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * A thread's main loop with a batch of distinct resources to retire. Subclasses fix the batch size,
 * because JMH's operations-per-invocation is a constant per benchmark method.
 */
public abstract class RetiringLoop {

    final ReleaseCounter counter = new ReleaseCounter();
    final MainLoop loop = new MainLoop();
    final DeferredResource[] batch;
    long retired;
    long retiredAtIterationStart;

    RetiringLoop(int size) {
        batch = new DeferredResource[size];
        for (int i = 0; i < size; i++) {
            batch[i] = new DeferredResource(counter);
        }
    }

    /** Retires every resource of the batch once. */
    void retireBatch() {
        for (DeferredResource resource : batch) {
            resource.release();
        }
        retired += batch.length;
    }

    /** Notes the retires so far, so the check at the iteration's end can size its bound. */
    @Setup(Level.Iteration)
    public void markIterationStart() {
        retiredAtIterationStart = retired;
    }

    /**
     * Fails the iteration if the releases did not keep up: then the benchmark would be timing
     * retires alone, not the cycle it names. At the check, a thread may have two batches of its own
     * in flight in the pipelined main loop (the one just retired, and the one whose grace period
     * its next safepoint completes); with more threads, each batch also waits for every other loop
     * to pass a safepoint, so the bound is two batches per thread, or 1 % of the iteration's
     * retires if that is more: with small batches, a lag of a few tens of microseconds is many
     * batches, and an unfinished 1 % changes the figure by at most 1 % of the release's share. A
     * drain that falls behind leaves a backlog that grows with every cycle, far past either bound
     * within an iteration.
     *
     * @param params the run's parameters, for its thread count
     */
    @TearDown(Level.Iteration)
    public void requireReleasesKeptUp(BenchmarkParams params) {
        long behind = retired - counter.countAcquire();
        long bound =
                Math.max(
                        2L * batch.length * params.getThreads(),
                        (retired - retiredAtIterationStart) / 100);
        if (behind > bound) {
            throw new IllegalStateException(
                    behind
                            + " releases of batch "
                            + batch.length
                            + " did not run; drains fell behind");
        }
        AgentChecks.requireRetired();
    }
}
