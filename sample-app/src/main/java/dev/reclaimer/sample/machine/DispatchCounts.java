package dev.reclaimer.sample.machine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One reader thread's dispatch totals, kept apart from every other thread's so that counting costs
 * the hot path no atomic read-modify-write and no shared cache line.
 *
 * <p>Protocol. Roles: one owner thread adds, any thread reads. The owner is the only writer, so it
 * adds with a plain load of its own total and a release store of the sum; a reader loads each total
 * with acquire and sees a recent value, exact once the owner has been joined. The owner allocates
 * this object itself (its {@link Dispatcher} is built on its thread), so the object lies in that
 * thread's allocation buffer, away from the other readers' counts. The three totals are read one by
 * one: a reader while the owner runs may see them from different batches, which is harmless for a
 * progress estimate.
 */
final class DispatchCounts {

    private static final VarHandle DISPATCHES = handle("dispatches");
    private static final VarHandle UNMAPPED = handle("unmapped");
    private static final VarHandle USE_AFTER_RELEASE = handle("useAfterRelease");

    private long dispatches;
    private long unmapped;
    private long useAfterRelease;

    /** Adds one batch; called by the owner thread only. */
    void add(long dispatchCount, long unmappedCount, long useAfterReleaseCount) {
        DISPATCHES.setRelease(this, dispatches + dispatchCount);
        if (unmappedCount != 0) {
            UNMAPPED.setRelease(this, unmapped + unmappedCount);
        }
        if (useAfterReleaseCount != 0) {
            USE_AFTER_RELEASE.setRelease(this, useAfterRelease + useAfterReleaseCount);
        }
    }

    long dispatches() {
        return (long) DISPATCHES.getAcquire(this);
    }

    long unmapped() {
        return (long) UNMAPPED.getAcquire(this);
    }

    long useAfterRelease() {
        return (long) USE_AFTER_RELEASE.getAcquire(this);
    }

    private static VarHandle handle(String field) {
        try {
            return MethodHandles.lookup().findVarHandle(DispatchCounts.class, field, long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
