package dev.reclaimer.sample;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A thread that runs one main loop: call the iteration, pause if asked to, until stopped. The pause
 * sits between iterations, outside the iteration method, so a pausing loop is not a reader while it
 * waits.
 *
 * <p>Protocol. The starting thread calls {@link #start()}, later {@link #stop()} and {@link
 * #awaitEnd()}. {@code running} is volatile so the loop sees the stop at its next iteration. A loop
 * that throws ends and keeps the exception; {@link #awaitEnd()} joins first, so the field is read
 * after the loop thread wrote it.
 */
final class LoopThread {

    private static final Logger LOG = LoggerFactory.getLogger(LoopThread.class);

    private final Thread thread;
    private final Runnable iteration;
    private final long pauseNanos;
    private volatile boolean running = true;
    private Throwable failure;

    LoopThread(String name, Runnable iteration, Duration pause) {
        this.iteration = iteration;
        this.pauseNanos = pause.toNanos();
        this.thread = new Thread(this::loop, name);
    }

    void start() {
        thread.start();
    }

    void stop() {
        running = false;
    }

    /**
     * Waits for the loop to end.
     *
     * @return the exception that ended it, or null when it was stopped
     */
    Throwable awaitEnd() throws InterruptedException {
        thread.join();
        return failure;
    }

    private void loop() {
        try {
            while (running) {
                iteration.run();
                if (pauseNanos > 0) {
                    LockSupport.parkNanos(pauseNanos);
                }
            }
        } catch (RuntimeException | Error e) {
            LOG.error("Main loop {} failed", thread.getName(), e);
            failure = e;
        }
    }
}
