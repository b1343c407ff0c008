package dev.reclaimer.internal;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Names, by release site, the releases still pending after the final drain, and the reader that
 * held them up, so nothing is dropped silently at exit.
 *
 * <p>It runs after the engine entered {@code SHUT_DOWN}, on the shutdown thread. It claims each
 * queue to read its entries; a queue still claimed by a drainer in the middle of a body cannot be
 * read, and is reported by count alone.
 */
final class ShutdownReport {

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownReport.class);

    private final ThreadRegistry registry;
    private final GracePeriods gracePeriods;
    private final Map<String, Long> pendingBySite = new TreeMap<>();
    private long unreadable;

    ShutdownReport(ThreadRegistry registry, GracePeriods gracePeriods) {
        this.registry = registry;
        this.gracePeriods = gracePeriods;
    }

    /** Logs what could not run, at WARN, one line per release site; logs nothing if all ran. */
    void logUnreleased(Duration timeout) {
        collect();
        if (pendingBySite.isEmpty() && unreadable == 0) {
            return;
        }
        ThreadRecord blocker = gracePeriods.findBlocker(gracePeriods.epochVolatile());
        String heldUpBy =
                blocker == null ? "no reader" : "reader thread " + blocker.thread.getName();
        pendingBySite.forEach(
                (site, count) ->
                        LOG.warn(
                                "Could not run {} pending releases of {} within the shutdown"
                                        + " timeout of {} (held up by {})",
                                count,
                                site,
                                timeout,
                                heldUpBy));
        if (unreadable > 0) {
            LOG.warn(
                    "Could not run {} more pending releases queued behind a release body that was"
                            + " still running at exit",
                    unreadable);
        }
    }

    private void collect() {
        ThreadRecord[] records = registry.snapshotVolatile();
        for (int i = 0; ; i++) {
            ThreadRecord record = ThreadRegistry.at(records, i);
            if (record == null) {
                return;
            }
            RetireQueue queue = record.queueAcquire();
            if (queue != null && queue.pendingAcquire() > 0) {
                collect(queue);
            }
        }
    }

    private void collect(RetireQueue queue) {
        if (!queue.tryClaim()) {
            unreadable += queue.pendingAcquire();
            return;
        }
        try {
            queue.forEachPendingClaimed(
                    (receiver, site) ->
                            pendingBySite.merge(
                                    ReleaseMethods.displayName(site, receiver), 1L, Long::sum));
        } finally {
            queue.unclaim();
        }
    }
}
