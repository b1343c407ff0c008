package dev.reclaimer.internal;

import dev.reclaimer.internal.jfr.FlightEvents;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports readers that hold up grace periods for too long: a WARN with the reader's thread name,
 * how long it has held them up, its section and its current stack once the stall timeout has
 * passed, the same again each time the stall's length has doubled (so the interval between reports
 * doubles), and an INFO when it ends. Each report and the end are also Flight Recorder events.
 *
 * <p>Only the background drainer calls {@link #scan}, so the stall fields of each record have a
 * single writer. A stall is identified by the epoch the reader announced: a reader that leaves and
 * enters again announces a newer epoch and starts a new stall. Its duration counts from the scan
 * that first saw it blocking. The clock is read here, once per scan, never on the reader's path.
 * The drainer advances the epoch on every tick, so a reader that stays in one section soon
 * announces an epoch older than the current one and is seen.
 *
 * <p>The section is read from {@link ThreadRecord#sectionSite}, a plain field the reader wrote
 * before its volatile announcement; having seen the announcement, this thread sees that write or a
 * later one, so at worst it names a section the reader entered after the stall began.
 */
final class StallMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(StallMonitor.class);

    private static final String UNREWRITTEN_SECTION = "a Reclaimer.read() section";

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
        boolean blocking = GracePeriods.blocks(active, epoch) && record.thread.isAlive();
        if (record.stallEpoch != 0 && (!blocking || record.stallEpoch != active)) {
            endStall(record, now);
        }
        if (!blocking) {
            return;
        }
        if (record.stallEpoch != active) {
            record.stallEpoch = active;
            record.stallSinceNanos = now;
            record.stallReported = false;
        } else if (!record.stallReported && now - record.stallSinceNanos >= timeoutNanos) {
            record.stallReported = true;
            report(record, now, "");
        } else if (record.stallReported && now - record.stallNextReportNanos >= 0) {
            report(record, now, " still");
        }
    }

    /**
     * Ends the record's stall, with an INFO if it was reported; called by the scan, and by the
     * background drainer before it drops a dead thread's record.
     */
    static void endStall(ThreadRecord record, long now) {
        if (record.stallReported) {
            long stalled = now - record.stallSinceNanos;
            String section = sectionName(record, null);
            LOG.info(
                    "Reader thread {} left {} after holding up deferred releases for about {} ms",
                    record.thread.getName(),
                    section,
                    stalled / 1_000_000);
            FlightEvents.stall(record.thread, section, stalled, true);
        }
        record.stallEpoch = 0;
        record.stallReported = false;
    }

    /**
     * Logs the stall and schedules the next report for when its length has doubled, so reports come
     * at about one, two, four, eight... stall timeouts.
     */
    private static void report(ThreadRecord record, long now, String still) {
        long stalledNanos = now - record.stallSinceNanos;
        record.stallNextReportNanos = now + stalledNanos;
        Thread reader = record.thread;
        StackTraceElement[] stack = reader.getStackTrace();
        StalledReader where = new StalledReader(reader.getName());
        where.setStackTrace(stack);
        String section = sectionName(record, stack);
        LOG.warn(
                "Reader thread {} has{} stayed inside one read section for {} ms and holds up"
                        + " every deferred release; section: {}",
                reader.getName(),
                still,
                stalledNanos / 1_000_000,
                section,
                where);
        FlightEvents.stall(reader, section, stalledNanos, false);
    }

    /**
     * Names the reader's section: the method the agent registered, or for a section whose site is
     * unknown (a {@code Reclaimer.read()} the agent did not rewrite), that phrase and the outermost
     * frame of {@code stack} that belongs to neither the JDK nor the reclaimer.
     */
    static String sectionName(ThreadRecord record, StackTraceElement[] stack) {
        int site = record.sectionSite;
        if (site > 0) {
            return SectionSites.get(site).displayName();
        }
        StackTraceElement frame = stack == null ? null : outermostApplicationFrame(stack);
        return frame == null ? UNREWRITTEN_SECTION : UNREWRITTEN_SECTION + " in " + frame;
    }

    private static StackTraceElement outermostApplicationFrame(StackTraceElement[] stack) {
        for (int i = stack.length - 1; i >= 0; i--) {
            if (isApplicationFrame(stack[i].getClassName())) {
                return stack[i];
            }
        }
        return null;
    }

    private static boolean isApplicationFrame(String className) {
        return !(className.startsWith("dev.reclaimer.")
                || className.startsWith("java.")
                || className.startsWith("javax.")
                || className.startsWith("jdk.")
                || className.startsWith("sun.")
                || className.startsWith("com.sun."));
    }

    /** Carries a stalled reader's stack into the log; never thrown. */
    static final class StalledReader extends Throwable {
        private static final long serialVersionUID = 1L;

        StalledReader(String threadName) {
            super("stack of stalled reader thread " + threadName, null, false, true);
        }
    }
}
