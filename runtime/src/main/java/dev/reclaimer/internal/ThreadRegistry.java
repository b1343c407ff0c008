package dev.reclaimer.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * The records of every thread that has used an engine, for scanners to iterate without locking.
 *
 * <h2>Protocol</h2>
 *
 * <p><b>Roles.</b> Threads register themselves once, on first use; the background drainer purges
 * records of dead threads whose queues are empty. Both take {@code lock}. Scanners (grace-period
 * advances, drains, stats) read {@link #snapshotVolatile()} and iterate it without a lock, stopping
 * at the first null slot.
 *
 * <p><b>Orderings.</b> A registration writes its slot with a volatile store into the current array
 * (after growing it, if needed, with a copy published by a volatile store of the array). A purge
 * publishes a compacted copy. So every record stays present in each array published between its
 * registration and its purge. A scanner that misses a slot written during its scan missed a
 * registration that came after the scanner read the global epoch in the synchronization order; that
 * thread reads the epoch after registering, so it can only announce the scanner's epoch or a later
 * one, which never holds up the advance being decided (see {@link GracePeriods}).
 *
 * <p><b>Accepted races.</b> A scanner on an array that a purge replaced may still visit purged
 * records; they belong to dead threads with empty queues, so visiting them is harmless.
 */
final class ThreadRegistry {

    private static final VarHandle SLOTS =
            MethodHandles.arrayElementVarHandle(ThreadRecord[].class);
    private static final VarHandle RECORDS;

    static {
        try {
            RECORDS =
                    MethodHandles.lookup()
                            .findVarHandle(ThreadRegistry.class, "records", ThreadRecord[].class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Object lock = new Object();

    /** Published array, null after the last record; VarHandle {@link #RECORDS}. */
    @SuppressWarnings("unused")
    private ThreadRecord[] records = new ThreadRecord[16];

    /** Records in {@link #records}; guarded by {@code lock}. */
    private int count;

    /**
     * Adds a record.
     *
     * @param record the calling thread's new record
     */
    void register(ThreadRecord record) {
        synchronized (lock) {
            ThreadRecord[] current = (ThreadRecord[]) RECORDS.get(this);
            if (count == current.length) {
                current = Arrays.copyOf(current, count * 2);
                RECORDS.setVolatile(this, current);
            }
            SLOTS.setVolatile(current, count++, record);
        }
    }

    /** Returns the published array; iterate it with {@link #at} until a null slot. */
    ThreadRecord[] snapshotVolatile() {
        return (ThreadRecord[]) RECORDS.getVolatile(this);
    }

    /** Returns the record in {@code slot} of a snapshot, with a volatile load. */
    static ThreadRecord at(ThreadRecord[] snapshot, int slot) {
        return slot < snapshot.length ? (ThreadRecord) SLOTS.getVolatile(snapshot, slot) : null;
    }

    /**
     * Removes the records {@code doomed} accepts, atomically with respect to other removals and to
     * {@link #withLock}.
     *
     * @param doomed decides, under the lock, whether a record goes; may fold its counters away
     * @return how many records were removed
     */
    int removeIf(java.util.function.Predicate<ThreadRecord> doomed) {
        synchronized (lock) {
            ThreadRecord[] current = (ThreadRecord[]) RECORDS.get(this);
            ThreadRecord[] kept = new ThreadRecord[current.length];
            int keptCount = 0;
            for (int i = 0; i < count; i++) {
                if (!doomed.test(current[i])) {
                    kept[keptCount++] = current[i];
                }
            }
            int removed = count - keptCount;
            if (removed > 0) {
                count = keptCount;
                RECORDS.setVolatile(this, kept);
            }
            return removed;
        }
    }

    /**
     * Runs {@code action} with no removal in progress, so it sees each record either still
     * registered or already folded away, never both or neither.
     */
    <T> T withLock(java.util.function.Supplier<T> action) {
        synchronized (lock) {
            return action.get();
        }
    }
}
