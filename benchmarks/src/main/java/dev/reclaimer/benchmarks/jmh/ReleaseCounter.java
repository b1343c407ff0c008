package dev.reclaimer.benchmarks.jmh;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Counts the release bodies that ran for one producing thread's resources.
 *
 * <p>Protocol: one release body runs at a time per counter (the inline caller, the one consumer of
 * a queue, or the reclaimer's drainer holding the claim on the producer's retire queue, which hands
 * over with happens-before), so a plain read and a release store are enough and cost about what a
 * real release body's first store costs. The producer reads the count with an acquire load when it
 * waits for its releases to have run.
 */
public final class ReleaseCounter {

    private static final VarHandle COUNT;

    static {
        try {
            COUNT = MethodHandles.lookup().findVarHandle(ReleaseCounter.class, "count", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Release bodies run so far; VarHandle {@link #COUNT}. */
    @SuppressWarnings("unused")
    private long count;

    /** Counts one release body; called by one releasing thread at a time. */
    public void countRelease() {
        COUNT.setRelease(this, (long) COUNT.get(this) + 1);
    }

    /**
     * Returns the release bodies run so far, with an acquire load.
     *
     * @return the count
     */
    public long countAcquire() {
        return (long) COUNT.getAcquire(this);
    }
}
