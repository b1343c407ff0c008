package dev.reclaimer.internal;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports readers that hold up grace periods for too long, once per stall, with the reader's thread
 * name and current stack.
 *
 * <p>Only the background drainer calls {@link #scan}, so the stall fields of each record have a
 * single writer. A stall is identified by the epoch the reader announced: a reader that leaves and
 * enters again announces a newer epoch and starts a new stall. The clock is read here, once per
 * scan, never on the reader's path. The drainer advances the epoch on every tick, so a reader that
 * stays in one section soon announces an epoch older than the current one and is seen.
 */
final class StallMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(StallMonitor.class);

    private final ThreadRegistry registry;
    private final long timeoutNanos;

    StallMonitor(ThreadRegistry registry, Duration timeout) {
        this.registry = registry;
        this.timeoutNanos = timeout.toNanos();
    }

    /**
     * Looks at every reader once.
     *
     * @param epoch the current global epoch
     * @param now the current {@link System#nanoTime()}
     */
    void scan(long epoch, long now) {
        ThreadRecord[] snapshot = registry.snapshotVolatile();
        for (int i = 0; ; i++) {
            ThreadRecord record = ThreadRegistry.at(snapshot, i);
            if (record == null) {
                return;
            }
            observe(record, record.activeVolatile(), epoch, now);
        }
    }

    private void observe(ThreadRecord record, long active, long epoch, long now) {
        if (!GracePeriods.blocks(active, epoch) || !record.thread.isAlive()) {
            record.stallEpoch = 0;
            return;
        }
        if (record.stallEpoch != active) {
            record.stallEpoch = active;
            record.stallSinceNanos = now;
            record.stallReported = false;
        } else if (!record.stallReported && now - record.stallSinceNanos >= timeoutNanos) {
            record.stallReported = true;
            report(record.thread, now - record.stallSinceNanos);
        }
    }

    private static void report(Thread reader, long stalledNanos) {
        StalledReader where = new StalledReader(reader.getName());
        where.setStackTrace(reader.getStackTrace());
        LOG.warn(
                "Reader thread {} has stayed inside one read section for {} ms and holds up every"
                        + " deferred release",
                reader.getName(),
                stalledNanos / 1_000_000,
                where);
    }

    /** Carries a stalled reader's stack into the log; never thrown. */
    static final class StalledReader extends Throwable {
        private static final long serialVersionUID = 1L;

        StalledReader(String threadName) {
            super("stack of stalled reader thread " + threadName, null, false, true);
        }
    }
}
