package dev.reclaimer.benchmarks.jmh;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The consumer a queue-based alternative needs: a daemon thread that empties the queue, running
 * each release body, then parks for one tick. The reclaimer's background drainer runs on the same
 * cadence in these forks ({@code drain.fallback-delay=1ms}), so both sides pay for a consumer
 * alike.
 *
 * <p>Protocol: the benchmark thread starts it at trial set-up and stops it at tear-down; {@code
 * running} is volatile so the stop is seen within one tick. After the thread has been joined, the
 * stopping thread drains once more, so no element is left behind between trials.
 */
final class QueueConsumer {

    /** Empties a queue, running the release of each element; returns how many it took. */
    @FunctionalInterface
    interface Drain {
        int drainAll();
    }

    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final Drain drain;
    private final Thread thread;
    private volatile boolean running = true;

    QueueConsumer(String name, Drain drain) {
        this.drain = drain;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            while (drain.drainAll() > 0) {
                // keep going while producers keep up
            }
            LockSupport.parkNanos(TICK_NANOS);
        }
    }

    void stop() throws InterruptedException {
        running = false;
        thread.join();
        drain.drainAll();
    }
}
