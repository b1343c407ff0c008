package dev.reclaimer.benchmarks.jmh;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A thread's main loop with a batch of distinct resources to retire. Subclasses fix the batch size,
 * because JMH's operations-per-invocation is a constant per benchmark method.
 */
public abstract class RetiringLoop {

    final ReleaseCounter counter = new ReleaseCounter();
    final MainLoop loop = new MainLoop();
    final DeferredResource[] batch;
    long retired;

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

    /**
     * Fails the iteration if the releases did not keep up: then the benchmark would be timing
     * retires alone, not the cycle it names. One batch may be in flight at the check (another
     * thread's drain may hold it), two for the pipelined main loop.
     */
    @TearDown(Level.Iteration)
    public void requireReleasesKeptUp() {
        long behind = retired - counter.countAcquire();
        if (behind > 2L * batch.length) {
            throw new IllegalStateException(
                    behind
                            + " releases of batch "
                            + batch.length
                            + " did not run; drains fell behind");
        }
        AgentChecks.requireRetired();
    }
}
