package dev.reclaimer.sample.machine;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * How long a reader pauses between looking a region up and touching it, and how often: the window
 * in which a real vCPU may be preempted or take an interrupt. A longer or more frequent pause makes
 * a premature release more likely to be caught.
 *
 * <p>Not thread-safe: each reader thread has its own.
 */
public final class Linger {

    private final int every;
    private final long pauseNanos;
    private final boolean park;
    private int countdown;

    private Linger(int every, Duration pause, boolean park) {
        if (every < 0 || pause.isNegative()) {
            throw new IllegalArgumentException("negative linger: every " + every + ", " + pause);
        }
        this.every = every;
        this.pauseNanos = pause.toNanos();
        this.park = park;
        this.countdown = every;
    }

    /**
     * A linger that busy-waits, as a vCPU thread that keeps its core does.
     *
     * @param every pause on one access in this many, {@code 0} never
     * @param pause how long each pause lasts
     * @return the linger
     */
    public static Linger spinning(int every, Duration pause) {
        return new Linger(every, pause, false);
    }

    /**
     * A linger that parks the thread, giving its core away, as a preempted thread does.
     *
     * @param every pause on one access in this many, {@code 0} never
     * @param pause how long each pause lasts, at least; parking often takes longer
     * @return the linger
     */
    public static Linger parking(int every, Duration pause) {
        return new Linger(every, pause, true);
    }

    /** Pauses if this access is one of those due for a pause. */
    public void pause() {
        if (every == 0 || pauseNanos == 0 || --countdown > 0) {
            return;
        }
        countdown = every;
        if (park) {
            LockSupport.parkNanos(pauseNanos);
        } else {
            spin();
        }
    }

    private void spin() {
        long deadline = System.nanoTime() + pauseNanos;
        while (System.nanoTime() - deadline < 0) {
            Thread.onSpinWait();
        }
    }
}
