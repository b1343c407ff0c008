package dev.reclaimer.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the backlog bound. It runs on a retiring thread's slow path only, when its queue starts a
 * new chunk, so steady retiring never counts the backlog; the count is a sum over all queues'
 * counters, approximate while others retire and drain.
 *
 * <p>Above the bound, {@link BacklogPolicy#WARN} logs at most once per failure-log interval (one
 * CAS on {@code lastWarnNanos} picks the thread that logs; losing it only skips a duplicate).
 * {@link BacklogPolicy#WAIT} makes the retiring thread wait for one grace period, at most the stall
 * timeout, and run what became ready; a thread that is a reader, or is running or draining
 * releases, could be the one the wait depends on, so it warns instead.
 */
final class BacklogGuard {

    private static final Logger LOG = LoggerFactory.getLogger(BacklogGuard.class);

    private static final VarHandle LAST_WARN;

    static {
        try {
            LAST_WARN =
                    MethodHandles.lookup()
                            .findVarHandle(BacklogGuard.class, "lastWarnNanos", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Settings settings;
    private final GracePeriods gracePeriods;
    private final Drainer drainer;

    /** When the backlog was last reported, 0 never; VarHandle {@link #LAST_WARN}. */
    @SuppressWarnings("unused")
    private long lastWarnNanos;

    BacklogGuard(Settings settings, GracePeriods gracePeriods, Drainer drainer) {
        this.settings = settings;
        this.gracePeriods = gracePeriods;
        this.drainer = drainer;
    }

    /** Checks the backlog after {@code record}'s queue started a new chunk. */
    void onChunkRollOver(ThreadRecord record) {
        long pending = drainer.totalPending();
        if (pending <= settings.backlogBound()) {
            return;
        }
        boolean mayWait =
                settings.backlogPolicy() == BacklogPolicy.WAIT
                        && !record.inSection()
                        && !record.draining
                        && record.releasing == null;
        if (mayWait) {
            waitOutBacklog(record);
        } else {
            warn(pending);
        }
    }

    private void waitOutBacklog(ThreadRecord record) {
        if (!awaitGracePeriod(settings.stallTimeout().toNanos())) {
            LOG.warn(
                    "Backlog above {} pending releases and no grace period within {}; going on",
                    settings.backlogBound(),
                    settings.stallTimeout());
        }
        drainer.drainReady(record, DrainPlace.WAIT, Integer.MAX_VALUE, Long.MAX_VALUE);
    }

    private void warn(long pending) {
        long now = System.nanoTime();
        long last = (long) LAST_WARN.getOpaque(this);
        boolean due = last == 0 || now - last >= settings.failureLogInterval().toNanos();
        if (due && LAST_WARN.compareAndSet(this, last, now)) {
            LOG.warn(
                    "{} releases are pending, above the bound of {}; a reader may be stalled or"
                            + " no safepoint drains them",
                    pending,
                    settings.backlogBound());
        }
    }

    /** Waits, uninterruptibly, up to {@code timeoutNanos} for one grace period. */
    private boolean awaitGracePeriod(long timeoutNanos) {
        long target = gracePeriods.epochVolatile() + 2;
        long start = System.nanoTime();
        Backoff backoff = new Backoff();
        while (gracePeriods.epochVolatile() < target) {
            if (System.nanoTime() - start >= timeoutNanos) {
                return false;
            }
            if (!gracePeriods.tryAdvance()) {
                backoff.pauseUninterruptibly();
            }
        }
        return true;
    }
}
