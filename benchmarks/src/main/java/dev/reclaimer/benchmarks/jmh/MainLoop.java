package dev.reclaimer.benchmarks.jmh;

import dev.reclaimer.Safepoint;

/**
 * One thread's main loop. {@link #iterate()} is a {@code @Safepoint} method: with the agent the
 * thread is a reader while it runs and drains ready releases when it returns. {@link
 * #iteratePlain()} has the same body without the annotation.
 */
public final class MainLoop {

    private long iterations;

    /** Runs one iteration, as a safepoint. */
    @Safepoint
    public void iterate() {
        iterations++;
    }

    /** Runs one iteration, unannotated. */
    public void iteratePlain() {
        iterations++;
    }

    /**
     * Returns the iterations run.
     *
     * @return the count
     */
    public long iterations() {
        return iterations;
    }
}
