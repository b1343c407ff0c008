package dev.reclaimer.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Runs ready releases from every thread's queue, within a count and time budget, and keeps the work
 * hint that lets a safepoint with nothing to do return after one load.
 *
 * <h2>Protocol</h2>
 *
 * <p><b>Roles.</b> Producers set the hint after appending; drainers (safepoint exits, the
 * background drainer, barrier waiters, the shutdown hook) claim one queue at a time, run its ready
 * entries in order, and clear the hint after a pass that found nothing left anywhere.
 *
 * <p><b>The hint.</b> A producer sets it only when it reads it clear (so steady retiring writes no
 * shared cache line), with a release store after its append. A drainer clears it with a volatile
 * store after a full pass saw every queue empty, then reads every queue's {@code produced} again
 * and sets the hint back if any queue holds an entry. Without that second look, every append made
 * while the pass ran (after it had looked at that queue) saw the hint still set and did not set it,
 * so the entries waited for the background drainer's tick: with two threads retiring and draining
 * at full speed this happened on most passes that emptied the queues, and the backlog grew by a
 * tick's worth of retires each time.
 *
 * <p><b>Accepted race (lost wake-up).</b> The producer's append is a release store and its read of
 * the hint may be satisfied before that store is visible, so a producer may still read the hint set
 * while the drainer's second look misses its entry; the window is now the time the store waits in
 * the producer's store buffer, not the length of a pass. Such an entry waits for the background
 * drainer, which sweeps every queue on each tick regardless of the hint and sets the hint again
 * when it finds work. Closing the window would cost a full fence per retire.
 *
 * <p><b>No shared writes on the fast paths.</b> Every retire and every safepoint exit reads the
 * hint, so nothing else in this object is written: the position where a pass starts (rotated so
 * that no queue is always last) is kept per draining thread in its {@link ThreadRecord}, since a
 * shared cursor bumped by every pass would invalidate the hint's cache line on every drain.
 *
 * <p><b>Order.</b> A pass visits the draining thread's own queue first, then every other queue from
 * a rotating start; FIFO order holds per queue whatever the order of queues. A drainer holds a
 * queue's claim for at most {@link #CLAIM_SLICE} releases at a time; each claim's acquiring CAS and
 * releasing store carry the consumer cursor to whoever claims next.
 *
 * <p><b>Queues with an active owner.</b> A safepoint drain stamps its own queue (an opaque store of
 * the clock). The background drainer leaves a queue alone while its stamp is younger than the
 * fallback delay: a descheduled background thread holding that queue's claim would keep the loop
 * from draining its own retires, and with two busy loops on two cores that backlog grew by hundreds
 * of thousands of entries. A stale stamp read late only delays the background drainer's help by a
 * tick.
 *
 * <p><b>Nesting.</b> A thread never drains inside its own drain ({@link ThreadRecord#draining}): a
 * release body that reaches a safepoint must not recurse into the queue it is being run from.
 */
final class Drainer {

    /**
     * Releases run between two clock reads when a time budget applies: the clock and the queue's
     * counters then cost about a nanosecond per release, and a pass overruns its budget by at most
     * this many bodies. Without a budget a queue is drained in one call.
     */
    private static final int SLICE = 64;

    /**
     * Releases a drainer runs from one queue before it gives the claim back and takes it again.
     * Another drainer, typically the queue's own main loop at its safepoint, can then take the
     * claim in between; without the break the background drainer, once it took over a queue that a
     * loop kept filling, held it for as long as entries kept becoming ready, every safepoint of
     * that loop skipped its own queue, and the backlog grew without bound.
     */
    private static final int CLAIM_SLICE = 1024;

    private static final VarHandle HINT;

    static {
        try {
            HINT = MethodHandles.lookup().findVarHandle(Drainer.class, "workHint", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ThreadRegistry registry;
    private final GracePeriods gracePeriods;
    private final ReleaseRunner runner;
    private final OperationsMetrics metrics;

    /**
     * How recently a queue's owner must have drained at a safepoint for the background drainer to
     * leave that queue alone; 0 to never leave one alone.
     */
    private final long ownerActiveNanos;

    /** The backlog above which the background drainer helps a queue whose owner is active. */
    private final long ownerBacklogAllowance;

    /** 1 when some queue may hold entries; VarHandle {@link #HINT}. */
    @SuppressWarnings("unused")
    private int workHint;

    Drainer(
            ThreadRegistry registry,
            GracePeriods gracePeriods,
            ReleaseRunner runner,
            OperationsMetrics metrics) {
        this(registry, gracePeriods, runner, metrics, 0, 0);
    }

    Drainer(
            ThreadRegistry registry,
            GracePeriods gracePeriods,
            ReleaseRunner runner,
            OperationsMetrics metrics,
            long ownerActiveNanos,
            long ownerBacklogAllowance) {
        this.ownerActiveNanos = ownerActiveNanos;
        this.ownerBacklogAllowance = ownerBacklogAllowance;
        this.registry = registry;
        this.gracePeriods = gracePeriods;
        this.runner = runner;
        this.metrics = metrics;
    }

    /** Called by a producer after an append: sets the hint unless it is already set. */
    void signalWork() {
        if ((int) HINT.getOpaque(this) == 0) {
            HINT.setRelease(this, 1);
        }
    }

    /** Returns whether some queue may hold entries, with an opaque load: the safepoint check. */
    boolean workHintOpaque() {
        return (int) HINT.getOpaque(this) != 0;
    }

    /**
     * Runs ready releases from all queues.
     *
     * @param self the calling thread's record
     * @param place where the pass runs, for the metrics
     * @param maxReleases most releases to run
     * @param budgetNanos most time to spend, {@link Long#MAX_VALUE} for no limit
     * @return how many releases ran; 0 also when the caller is already draining
     */
    int drainReady(ThreadRecord self, DrainPlace place, int maxReleases, long budgetNanos) {
        if (self.draining) {
            return 0;
        }
        self.draining = true;
        self.renewReleaseSlot();
        long start = System.nanoTime();
        int ran = 0;
        try {
            ran = drainPass(self, place, start, maxReleases, budgetNanos);
            return ran;
        } finally {
            self.draining = false;
            metrics.onDrain(place, ran, System.nanoTime() - start);
        }
    }

    private int drainPass(
            ThreadRecord self, DrainPlace place, long now, int maxReleases, long budgetNanos) {
        long start = budgetNanos == Long.MAX_VALUE ? 0 : now;
        long epoch = gracePeriods.epochVolatile();
        ThreadRecord[] snapshot = registry.snapshotVolatile();
        int length = snapshot.length;
        int first = Math.floorMod(self.drainCursor++, length);
        // The drainer's own queue goes first: a main loop then runs what it retired itself, in
        // its own cache, and two loops draining at once do not take each other's claims first.
        Pass pass = new Pass(self, epoch, maxReleases, start, budgetNanos);
        RetireQueue own = self.queueAcquire();
        if (own != null && place == DrainPlace.SAFEPOINT) {
            own.markOwnerDrain(now);
        }
        pass.visit(own);
        boolean background = place == DrainPlace.BACKGROUND && ownerActiveNanos > 0;
        for (int i = 0; i < length; i++) {
            ThreadRecord record = ThreadRegistry.at(snapshot, (first + i) % length);
            if (record == null || record == self) {
                continue;
            }
            RetireQueue queue = record.queueAcquire();
            if (background && queue != null && leftToOwner(queue, now)) {
                pass.leftOver |= queue.pendingAcquire() != 0;
                continue;
            }
            pass.visit(queue);
        }
        if (!pass.leftOver) {
            clearHint();
        }
        return pass.ran;
    }

    /**
     * Returns whether the background drainer leaves {@code queue} to its main loop, which drains
     * it: a background claim, if this thread were descheduled while holding it, would keep that
     * loop from its own queue meanwhile. A loop more than eight passes behind gets help.
     */
    private boolean leftToOwner(RetireQueue queue, long now) {
        return queue.ownerDrainedWithin(now, ownerActiveNanos)
                && queue.pendingAcquire() <= ownerBacklogAllowance;
    }

    /** One pass over the queues: what ran and whether anything was left. */
    private final class Pass {
        private final ThreadRecord self;
        private final long epoch;
        private final int maxReleases;
        private final long start;
        private final long budgetNanos;
        int ran;
        boolean leftOver;

        Pass(ThreadRecord self, long epoch, int maxReleases, long start, long budgetNanos) {
            this.self = self;
            this.epoch = epoch;
            this.maxReleases = maxReleases;
            this.start = start;
            this.budgetNanos = budgetNanos;
        }

        void visit(RetireQueue queue) {
            if (queue == null) {
                return;
            }
            while (queue.pendingAcquire() != 0) {
                if (ran >= maxReleases || overBudget(start, budgetNanos) || !queue.tryClaim()) {
                    leftOver = true;
                    return;
                }
                int slice = Math.min(CLAIM_SLICE, maxReleases - ran);
                int done;
                try {
                    done = drainQueue(queue, self, epoch, slice, start, budgetNanos);
                    ran += done;
                } finally {
                    queue.unclaim();
                }
                if (done < slice) {
                    leftOver |= queue.pendingAcquire() != 0;
                    return;
                }
            }
        }
    }

    /** Clears the hint, then sets it again if an append landed after the pass looked. */
    private void clearHint() {
        HINT.setVolatile(this, 0);
        if (anyPending(registry.snapshotVolatile())) {
            HINT.setRelease(this, 1);
        }
    }

    private static boolean anyPending(ThreadRecord[] snapshot) {
        for (int i = 0; ; i++) {
            ThreadRecord record = ThreadRegistry.at(snapshot, i);
            if (record == null) {
                return false;
            }
            RetireQueue queue = record.queueAcquire();
            if (queue != null && queue.pendingAcquire() != 0) {
                return true;
            }
        }
    }

    private int drainQueue(
            RetireQueue queue,
            ThreadRecord self,
            long epoch,
            int maxReleases,
            long start,
            long budgetNanos) {
        if (budgetNanos == Long.MAX_VALUE) {
            return queue.drainClaimed(epoch, maxReleases, runner, self);
        }
        int ran = 0;
        while (ran < maxReleases) {
            int slice = Math.min(SLICE, maxReleases - ran);
            int done = queue.drainClaimed(epoch, slice, runner, self);
            ran += done;
            if (done < slice || overBudget(start, budgetNanos)) {
                break;
            }
        }
        return ran;
    }

    private static boolean overBudget(long start, long budgetNanos) {
        return budgetNanos != Long.MAX_VALUE && System.nanoTime() - start >= budgetNanos;
    }

    /** Returns the entries waiting in all queues, from their counters. */
    long totalPending() {
        ThreadRecord[] snapshot = registry.snapshotVolatile();
        long pending = 0;
        for (int i = 0; ; i++) {
            ThreadRecord record = ThreadRegistry.at(snapshot, i);
            if (record == null) {
                return pending;
            }
            RetireQueue queue = record.queueAcquire();
            pending += queue == null ? 0 : queue.pendingAcquire();
        }
    }
}
