package dev.reclaimer.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leak report: names, by release site and class, the releases still pending after the final
 * drain, and the reader that held them up, so nothing is dropped silently at exit. When retire
 * stacks are recorded ({@link Diagnostics#recordRetireStacks()}), it also logs where the first
 * {@link #STACKS_PER_GROUP} pending releases of each group were retired.
 *
 * <p>It runs after the engine entered {@code SHUT_DOWN}, on the shutdown thread. It claims each
 * queue to read its entries; a queue still claimed by a drainer in the middle of a body cannot be
 * read, and is reported by count alone.
 */
final class ShutdownReport {

    /** Retire stacks logged per release site and class; the rest are counted only. */
    static final int STACKS_PER_GROUP = 3;

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownReport.class);

    private final ThreadRegistry registry;
    private final GracePeriods gracePeriods;
    private final Map<String, Group> pending = new TreeMap<>();
    private long unreadable;

    ShutdownReport(ThreadRegistry registry, GracePeriods gracePeriods) {
        this.registry = registry;
        this.gracePeriods = gracePeriods;
    }

    /**
     * Logs what could not run, at WARN, one line per release site and class, then the recorded
     * retire stacks; logs nothing if all ran.
     */
    void logUnreleased(Duration timeout) {
        collect();
        if (pending.isEmpty() && unreadable == 0) {
            return;
        }
        ThreadRecord blocker = gracePeriods.findBlocker(gracePeriods.epochVolatile());
        String heldUpBy =
                blocker == null ? "no reader" : "reader thread " + blocker.thread.getName();
        pending.forEach(
                (name, group) ->
                        LOG.warn(
                                "Could not run {} pending releases of {} within the shutdown"
                                        + " timeout of {} (held up by {})",
                                group.count,
                                name,
                                timeout,
                                heldUpBy));
        pending.forEach(ShutdownReport::logStacks);
        if (unreadable > 0) {
            LOG.warn(
                    "Could not run {} more pending releases queued behind a release body that was"
                            + " still running at exit",
                    unreadable);
        }
    }

    private static void logStacks(String name, Group group) {
        for (int i = 0; i < group.stacks.size(); i++) {
            LOG.warn(
                    "Pending release {} ({} of {}) was retired here",
                    name,
                    i + 1,
                    group.count,
                    group.stacks.get(i));
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
            queue.forEachPendingClaimed(this::add);
        } finally {
            queue.unclaim();
        }
    }

    private void add(Object receiver, int site, RetireOrigin origin) {
        Group group = pending.computeIfAbsent(groupName(receiver, site), name -> new Group());
        group.count++;
        if (origin != null && origin.stack() != null && group.stacks.size() < STACKS_PER_GROUP) {
            group.stacks.add(origin.stack());
        }
    }

    /** The release site, and the receiver's class when the site does not already name it. */
    private static String groupName(Object receiver, int site) {
        String siteName = ReleaseMethods.displayName(site, receiver);
        if (site == ReleaseMethods.DEFER_SITE) {
            return siteName;
        }
        return siteName + " on " + receiver.getClass().getName();
    }

    /** The pending releases of one site and class. */
    private static final class Group {
        long count;
        final List<Throwable> stacks = new ArrayList<>();
    }
}
