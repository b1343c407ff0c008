package dev.reclaimer.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the backlog bound. It runs on a retiring thread's slow path only, when its queue starts a
 * new chunk, so steady retiring never counts the backlog, and on every tick of the background
 * drainer, which warns whatever the policy: threads that each retire less than a chunk never roll
 * over, and without the tick a backlog built by many of them would grow without a word. It first
 * reads the engine's pending estimate (one atomic load; each queue keeps it within a chunk of its
 * backlog, see {@link RetireQueue}); only above the bound does it sum over all queues' counters,
 * which is exact for each queue but approximate while others retire and drain. A roll-over
 * therefore costs a scan of every record only while the backlog is near or above its bound.
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

    /** Entries pending in all queues, within a chunk per queue; shared with every queue. */
    private final AtomicLong pendingEstimate = new AtomicLong();

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
        if (pendingEstimate.get() <= settings.backlogBound()) {
            return;
        }
        long pending = drainer.totalPending();
        if (pending <= settings.backlogBound()) {
            return;
        }
        boolean mayWait =
                settings.backlogPolicy() == BacklogPolicy.WAIT
                        && !record.inSection()
                        && !record.draining
                        && record.releasing() == null;
        if (mayWait) {
            waitOutBacklog(record);
        } else {
            warn(pending);
        }
    }

    /**
     * Checks the backlog the background drainer has just counted; warns above the bound.
     *
     * @param pending the pending releases counted on this tick
     */
    void onBackgroundTick(long pending) {
        if (pending > settings.backlogBound()) {
            warn(pending);
        }
    }

    /** Returns the estimate every retire queue of the engine must update. */
    AtomicLong pendingEstimate() {
        return pendingEstimate;
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
