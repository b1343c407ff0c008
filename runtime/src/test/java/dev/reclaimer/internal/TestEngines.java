package dev.reclaimer.internal;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Settings and waiting helpers shared by the engine tests. */
final class TestEngines {

    /** Generous bound for things that must eventually happen; it never measures speed. */
    static final Duration LIVENESS = Duration.ofSeconds(20);

    private TestEngines() {}

    /** Settings where only safepoints drain: the background fallback waits a minute. */
    static Settings safepointsOnly() {
        return settings(
                Duration.ofMinutes(1), Duration.ofMinutes(1), 1_000_000, BacklogPolicy.WARN);
    }

    /** Settings where the background drainer takes over after 10 ms. */
    static Settings quickFallback() {
        return settings(
                Duration.ofMillis(10), Duration.ofMinutes(1), 1_000_000, BacklogPolicy.WARN);
    }

    static Settings settings(
            Duration fallbackDelay,
            Duration stallTimeout,
            long backlogBound,
            BacklogPolicy policy) {
        return new Settings(
                256,
                Duration.ofMillis(5),
                fallbackDelay,
                backlogBound,
                policy,
                stallTimeout,
                Duration.ofSeconds(2),
                Duration.ofMinutes(1));
    }

    /** Waits until {@code condition} holds, failing with {@code what} after {@link #LIVENESS}. */
    static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + LIVENESS.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("timed out waiting until " + what);
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting until " + what);
            }
        }
    }

    /** Runs safepoint iterations on the calling thread until interrupted. */
    static void runMainLoop(Engine engine) {
        while (!Thread.currentThread().isInterrupted()) {
            Object token = engine.enterSafepoint();
            Thread.onSpinWait();
            engine.exitSafepoint(token);
            Thread.yield();
        }
    }

    /** Starts a daemon thread. */
    static Thread start(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
