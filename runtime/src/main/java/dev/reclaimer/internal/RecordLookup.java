package dev.reclaimer.internal;

/**
 * Finds the calling thread's {@link ThreadRecord}: a direct-mapped cache indexed by thread id in
 * front of a {@link ThreadLocal}. Every read section, safepoint and retire starts here, and the
 * cache's hit path is three dependent loads and a compare, where a {@code ThreadLocal} lookup walks
 * the thread's map and a weak reference.
 *
 * <h2>Protocol</h2>
 *
 * <p><b>Roles.</b> A thread writes only the slot of its own id, and only with its own record, on a
 * miss. The background drainer clears the slot of a record it purges (a dead thread's).
 *
 * <p><b>Why plain accesses suffice.</b> A hit requires {@code slot.thread == current}; {@code
 * thread} is final, so any thread that sees a record sees its owner correctly. A record whose owner
 * is the calling thread was created and stored by the calling thread itself, so the hit path reads
 * only what the same thread wrote. A stale or foreign record (another thread's record in a shared
 * slot, or one seen late) fails the compare and takes the miss path, which asks the {@code
 * ThreadLocal} and overwrites the slot. Ids are never reused within a JVM, so a slot never matches
 * a different thread.
 *
 * <p><b>Accepted costs.</b> Threads whose ids collide modulo {@link #SLOTS} evict each other and
 * both pay the {@code ThreadLocal} lookup while they alternate; the answer stays correct. A dead
 * thread's record stays in its slot until the purge clears it or a colliding thread overwrites it.
 */
final class RecordLookup {

    /** Slots of the cache; a power of two. */
    static final int SLOTS = 1024;

    private RecordLookup() {}

    /** Returns a new, empty cache. */
    static ThreadRecord[] newCache() {
        return new ThreadRecord[SLOTS];
    }

    /**
     * Returns the calling thread's record, creating it on first use. The engine keeps the cache and
     * the {@code ThreadLocal} in its own final fields, so the hit path starts one load closer.
     *
     * @param cache the engine's cache, from {@link #newCache()}
     * @param records creates and registers the calling thread's record on its first lookup
     */
    static ThreadRecord current(ThreadRecord[] cache, ThreadLocal<ThreadRecord> records) {
        Thread thread = Thread.currentThread();
        ThreadRecord cached = cache[slotOf(thread)];
        if (cached != null && cached.thread == thread) {
            return cached;
        }
        return miss(cache, records, thread);
    }

    private static ThreadRecord miss(
            ThreadRecord[] cache, ThreadLocal<ThreadRecord> records, Thread thread) {
        ThreadRecord record = records.get();
        cache[slotOf(thread)] = record;
        return record;
    }

    /** Clears the slot of a purged record, unless another thread's record took it since. */
    static void forget(ThreadRecord[] cache, ThreadRecord record) {
        int slot = slotOf(record.thread);
        if (cache[slot] == record) {
            cache[slot] = null;
        }
    }

    private static int slotOf(Thread thread) {
        return (int) thread.getId() & (SLOTS - 1);
    }
}
