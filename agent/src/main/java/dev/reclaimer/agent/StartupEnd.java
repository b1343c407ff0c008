package dev.reclaimer.agent;

import dev.reclaimer.agent.log.AgentLogging;
import dev.reclaimer.agent.transform.SelectorTracker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Marks the end of start-up: a fixed time after the agent started, or JVM shutdown, whichever comes
 * first. Then the selectors that matched nothing are reported and the SLF4J log destination may
 * reach the application's logging.
 *
 * <h2>Protocol</h2>
 *
 * A daemon timer thread and a shutdown hook race to run {@link #finish}; an atomic flag lets the
 * first one act and makes the other a no-op. The timer dying with the JVM is harmless because the
 * hook then runs.
 */
final class StartupEnd {

    private final AtomicBoolean finished = new AtomicBoolean();
    private final SelectorTracker tracker;

    private StartupEnd(SelectorTracker tracker) {
        this.tracker = tracker;
    }

    static void schedule(Duration delay, SelectorTracker tracker) {
        StartupEnd end = new StartupEnd(tracker);
        Thread timer = new Thread(() -> end.finishAfter(delay), "reclaimer-startup-end");
        timer.setDaemon(true);
        timer.start();
        Runtime.getRuntime().addShutdownHook(new Thread(end::finish, "reclaimer-startup-end-hook"));
    }

    private void finishAfter(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        finish();
    }

    private void finish() {
        if (finished.compareAndSet(false, true)) {
            tracker.reportUnmatched();
            AgentLogging.startupFinished();
        }
    }
}
