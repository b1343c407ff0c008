package dev.reclaimer.sample;

import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A thread that runs one main loop: build the loop's state, then call the iteration until stopped,
 * either back to back or paced at a fixed rate. The pause sits between iterations, outside the
 * iteration method, so a pacing loop is not a reader while it waits.
 *
 * <p>The loop's state is built on the loop's own thread, so what only that thread writes lies in
 * its own allocation buffer and shares no cache line with another loop's.
 *
 * <p>A paced loop runs iteration {@code n} no earlier than {@code n} periods after its start: it
 * parks until that deadline, and when an iteration ran late it runs the next ones back to back
 * until it is on time again, so over a run it applies the same number of iterations whatever each
 * one costs, unless it cannot keep up at all.
 *
 * <p>Protocol. The starting thread calls {@link #start()}, later {@link #stop()} and {@link
 * #awaitEnd()}. {@code running} is volatile so the loop sees the stop at its next iteration or
 * wake-up. A loop that throws ends and keeps the exception; {@link #awaitEnd()} joins first, so the
 * field is read after the loop thread wrote it.
 */
final class LoopThread {

    private static final Logger LOG = LoggerFactory.getLogger(LoopThread.class);

    private final Thread thread;
    private final Supplier<Runnable> loopState;
    private final long periodNanos;
    private volatile boolean running = true;
    private Throwable failure;

    /**
     * Creates a loop thread, not started.
     *
     * @param name the thread's name
     * @param loopState builds the loop's state on the loop's thread and returns its iteration
     * @param periodNanos the time between two iteration starts, {@code 0} for back to back
     */
    LoopThread(String name, Supplier<Runnable> loopState, long periodNanos) {
        this.loopState = loopState;
        this.periodNanos = periodNanos;
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
            Runnable iteration = loopState.get();
            if (periodNanos == 0) {
                while (running) {
                    iteration.run();
                }
            } else {
                runPaced(iteration);
            }
        } catch (RuntimeException | Error e) {
            LOG.error("Main loop {} failed", thread.getName(), e);
            failure = e;
        }
    }

    private void runPaced(Runnable iteration) {
        long deadline = System.nanoTime();
        while (running) {
            iteration.run();
            deadline += periodNanos;
            awaitDeadline(deadline);
        }
    }

    /** Parks until the deadline or a stop; returns at once when the deadline has passed. */
    private void awaitDeadline(long deadline) {
        long wait = deadline - System.nanoTime();
        while (wait > 0 && running) {
            LockSupport.parkNanos(wait);
            wait = deadline - System.nanoTime();
        }
    }
}
