package dev.reclaimer.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Paces a thread that waits for other threads (a grace period, a barrier): a few spins, then parks
 * that double from a microsecond up to a millisecond, so a short wait is quick and a long one costs
 * almost no CPU. One instance per wait; not shared.
 */
final class Backoff {

    private static final int SPINS = 32;
    private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private int rounds;

    /**
     * Waits a little.
     *
     * @throws InterruptedException if the thread is interrupted; the flag is cleared
     */
    void pause() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        pauseUninterruptibly();
    }

    /** Waits a little, ignoring interrupts (the flag stays as it was). */
    void pauseUninterruptibly() {
        int round = rounds++;
        if (round < SPINS) {
            Thread.onSpinWait();
        } else {
            int doublings = Math.min(round - SPINS, 10);
            LockSupport.parkNanos(this, Math.min(MAX_PARK_NANOS, 1_000L << doublings));
        }
    }
}
