package dev.reclaimer.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One thread's retire queue: an unbounded FIFO of chunked arrays with a single producer and at most
 * one consumer at a time.
 *
 * <h2>Protocol</h2>
 *
 * <p><b>Roles.</b> The producer is the thread that owns the queue; only it calls {@link #append}. A
 * consumer is any thread that has won {@link #tryClaim()}; it keeps the claim while the release
 * bodies run and gives it back with {@link #unclaim()}. Holding the claim across the bodies is what
 * makes releases of one retiring thread run in retire order, even when several drainers compete.
 *
 * <p><b>Publication.</b> The producer writes an entry's slots with plain stores, then publishes the
 * new total with a release store of {@code produced}. A consumer reads {@code produced} with an
 * acquire load before it reads any slot below it, so it never sees a half-written entry, and
 * everything the producer did before the retire happens-before the body (the contract's
 * happens-before edge). Without the release/acquire pair a consumer could read a slot before its
 * store became visible and run a null receiver or the previous occupant of a recycled slot.
 *
 * <p><b>Chunks.</b> When a chunk is full the producer links a new one through {@code next} with a
 * plain store before the release store that publishes the first entry of the new chunk, so a
 * consumer that sees that entry also sees the link. The producer keeps the whole chain from its
 * oldest chunk to its tail. The consumer nulls every slot it consumed (so released objects can be
 * collected), then publishes its move to the next chunk with a release store of {@code headChunk}.
 * Every chunk before the one the producer reads there (acquire) has been left for good, so at
 * roll-over the producer unlinks the oldest such chunk and reuses it: in steady state the queue
 * allocates nothing, whatever the batch size. Free chunks beyond {@link #MAX_CHUNKS_KEPT} are
 * dropped instead, so a burst does not pin its peak memory forever.
 *
 * <p><b>Consumer hand-over.</b> The consumer cursor ({@code headChunk}, {@code headIndex}) is
 * plain; the claim's CAS (acquire) and the releasing store of the flag order one consumer's cursor
 * updates before the next consumer's reads.
 *
 * <p><b>Counters.</b> {@code released} and {@code failed} are written only by the claiming
 * consumer, after the body has returned, with release stores; a thread waiting in a barrier reads
 * them with acquire loads and thereby also sees what the bodies did. Readers of the counters from
 * other threads accept that the three counters are read one after another, not atomically; reading
 * the consumer counters before {@code produced} keeps a computed backlog non-negative.
 */
final class RetireQueue {

    /** Entries per chunk: big enough to make roll-over rare, small enough for many threads. */
    static final int CHUNK_CAPACITY = 512;

    /** Chunks a queue keeps for reuse once its backlog shrinks again. */
    static final int MAX_CHUNKS_KEPT = 16;

    private static final VarHandle PRODUCED;
    private static final VarHandle RELEASED;
    private static final VarHandle FAILED;
    private static final VarHandle CLAIMED;
    private static final VarHandle HEAD_CHUNK;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            PRODUCED = lookup.findVarHandle(RetireQueue.class, "produced", long.class);
            RELEASED = lookup.findVarHandle(RetireQueue.class, "released", long.class);
            FAILED = lookup.findVarHandle(RetireQueue.class, "failed", long.class);
            CLAIMED = lookup.findVarHandle(RetireQueue.class, "claimed", int.class);
            HEAD_CHUNK = lookup.findVarHandle(RetireQueue.class, "headChunk", Chunk.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    // Producer side: written only by the owning thread.
    private Chunk oldestChunk;
    private Chunk tailChunk;
    private int tailIndex;
    private int chunkCount = 1;
    private long producedByOwner;

    /** Entries ever appended; VarHandle {@link #PRODUCED}, release store, acquire load. */
    @SuppressWarnings("unused")
    private long produced;

    // Consumer side: written only by the thread holding the claim.

    /** The chunk the consumer reads; VarHandle {@link #HEAD_CHUNK}, read by the producer. */
    private Chunk headChunk;

    private int headIndex;
    private long consumedByClaimant;

    /** Bodies that returned normally; VarHandle {@link #RELEASED}. */
    @SuppressWarnings("unused")
    private long released;

    /** Bodies that threw; VarHandle {@link #FAILED}. */
    @SuppressWarnings("unused")
    private long failed;

    /** 1 while a consumer holds the queue; VarHandle {@link #CLAIMED}. */
    @SuppressWarnings("unused")
    private int claimed;

    /** Creates an empty queue; called by its producer on its first retire. */
    RetireQueue() {
        Chunk first = new Chunk();
        oldestChunk = first;
        tailChunk = first;
        headChunk = first;
    }

    /**
     * Appends an entry. Producer only.
     *
     * @return {@code true} when this append started a new chunk (the caller's slow-path hook)
     */
    boolean append(Object receiver, Object[] arguments, int site, long epoch) {
        return append(receiver, arguments, site, epoch, null);
    }

    /**
     * Appends an entry with where it was retired, for diagnostics. Producer only.
     *
     * @param origin the retiring thread and stack, or null when no diagnostics need it
     * @return {@code true} when this append started a new chunk (the caller's slow-path hook)
     */
    boolean append(Object receiver, Object[] arguments, int site, long epoch, RetireOrigin origin) {
        Chunk chunk = tailChunk;
        int index = tailIndex;
        boolean rolledOver = index == CHUNK_CAPACITY;
        if (rolledOver) {
            chunk = rollOver(chunk);
            index = 0;
        }
        chunk.receivers[index] = receiver;
        chunk.arguments[index] = arguments;
        chunk.sites[index] = site;
        chunk.epochs[index] = epoch;
        chunk.origins[index] = origin;
        tailIndex = index + 1;
        PRODUCED.setRelease(this, ++producedByOwner);
        return rolledOver;
    }

    private Chunk rollOver(Chunk full) {
        Chunk consumerAt = (Chunk) HEAD_CHUNK.getAcquire(this);
        while (chunkCount > MAX_CHUNKS_KEPT && oldestChunk != consumerAt) {
            oldestChunk = oldestChunk.next;
            chunkCount--;
        }
        Chunk next;
        if (oldestChunk != consumerAt) {
            next = oldestChunk;
            oldestChunk = next.next;
            next.next = null;
        } else {
            next = new Chunk();
            chunkCount++;
        }
        full.next = next;
        tailChunk = next;
        return next;
    }

    /**
     * Tries to become this queue's consumer.
     *
     * @return {@code true} if the caller now holds the claim and must {@link #unclaim()} it
     */
    boolean tryClaim() {
        return (int) CLAIMED.getOpaque(this) == 0 && CLAIMED.compareAndSet(this, 0, 1);
    }

    /** Gives the claim back, publishing the consumer cursor to the next claimant. */
    void unclaim() {
        CLAIMED.setRelease(this, 0);
    }

    /**
     * Runs ready entries in FIFO order until one is not ready, {@code max} have run, or the queue
     * is empty. Claimant only.
     *
     * @param epoch the global epoch the caller read; an entry tagged {@code t} is ready when {@code
     *     epoch >= t + 2}
     * @return how many entries ran
     */
    int drainClaimed(long epoch, int max, ReleaseRunner runner, ThreadRecord drainer) {
        long available = producedAcquire();
        int ran = 0;
        while (ran < max && consumedByClaimant < available) {
            if (headIndex == CHUNK_CAPACITY) {
                advanceHeadChunk();
            }
            Chunk chunk = headChunk;
            int index = headIndex;
            if (epoch < chunk.epochs[index] + 2) {
                break;
            }
            Object receiver = chunk.receivers[index];
            Object[] arguments = chunk.arguments[index];
            RetireOrigin origin = chunk.origins[index];
            chunk.receivers[index] = null;
            chunk.arguments[index] = null;
            chunk.origins[index] = null;
            headIndex = index + 1;
            consumedByClaimant++;
            countOutcome(runner.run(drainer, receiver, arguments, chunk.sites[index], origin));
            ran++;
        }
        return ran;
    }

    private void countOutcome(boolean releasedNormally) {
        if (releasedNormally) {
            RELEASED.setRelease(this, (long) RELEASED.get(this) + 1);
        } else {
            FAILED.setRelease(this, (long) FAILED.get(this) + 1);
        }
    }

    private void advanceHeadChunk() {
        headIndex = 0;
        HEAD_CHUNK.setRelease(this, headChunk.next);
    }

    /**
     * Returns the epoch tag of the oldest unconsumed entry, or 0 when there is none. Claimant only.
     */
    long oldestEpochClaimed() {
        if (consumedByClaimant >= producedAcquire()) {
            return 0;
        }
        if (headIndex == CHUNK_CAPACITY) {
            advanceHeadChunk();
        }
        return headChunk.epochs[headIndex];
    }

    /**
     * Calls {@code visitor} for every unconsumed entry, oldest first, without consuming it.
     * Claimant only; used to name what could not run at shutdown.
     */
    void forEachPendingClaimed(PendingVisitor visitor) {
        long available = producedAcquire();
        Chunk chunk = headChunk;
        int index = headIndex;
        for (long position = consumedByClaimant; position < available; position++) {
            if (index == CHUNK_CAPACITY) {
                chunk = chunk.next;
                index = 0;
            }
            visitor.visit(chunk.receivers[index], chunk.sites[index], chunk.origins[index]);
            index++;
        }
    }

    /** Receives the pending entries of {@link #forEachPendingClaimed}. */
    interface PendingVisitor {

        /**
         * Visits one pending entry.
         *
         * @param receiver the object to release, or the deferred {@link Runnable}
         * @param site the entry's release site
         * @param origin where it was retired, or null when no diagnostics recorded it
         */
        void visit(Object receiver, int site, RetireOrigin origin);
    }

    /** Returns how many entries were ever appended, with an acquire load. */
    long producedAcquire() {
        return (long) PRODUCED.getAcquire(this);
    }

    /** Returns how many bodies returned normally, with an acquire load. */
    long releasedAcquire() {
        return (long) RELEASED.getAcquire(this);
    }

    /** Returns how many bodies threw, with an acquire load. */
    long failedAcquire() {
        return (long) FAILED.getAcquire(this);
    }

    /** Returns how many entries have run, normally or not; consumer counters read first. */
    long consumedAcquire() {
        return releasedAcquire() + failedAcquire();
    }

    /** Returns how many entries wait, from the counters; never negative. */
    long pendingAcquire() {
        long consumed = consumedAcquire();
        return producedAcquire() - consumed;
    }

    /** A block of entries, stored as parallel arrays so an append writes no object header. */
    private static final class Chunk {
        final Object[] receivers = new Object[CHUNK_CAPACITY];
        final Object[][] arguments = new Object[CHUNK_CAPACITY][];
        final int[] sites = new int[CHUNK_CAPACITY];
        final long[] epochs = new long[CHUNK_CAPACITY];
        final RetireOrigin[] origins = new RetireOrigin[CHUNK_CAPACITY];
        Chunk next;
    }
}
