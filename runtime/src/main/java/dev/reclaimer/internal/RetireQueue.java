package dev.reclaimer.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;

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
 * <p><b>Runs.</b> Consecutive entries with the same site and epoch tag form a run, recorded once
 * per chunk in {@code runStarts}, {@code runSites} and {@code runEpochs}; an append that continues
 * the current run writes only the receiver slot, so a hot retire loop writes one reference per
 * call. Starting run {@code k} at index {@code i}, the producer writes {@code runStarts[k] = i},
 * the run's site and tag, and the end marker {@code runStarts[k + 1] = CHUNK_CAPACITY}, all before
 * the release store that publishes entry {@code i}. A consumer reads a run only for an entry it has
 * seen published, so the run's record and its end marker happen-before its reads. The one racing
 * write it can meet is the producer replacing that end marker with the start of the next run;
 * either value is correct, because the consumer also stops at the published count. A recycled
 * chunk's stale run records are never read: the first append to it rewrites run 0 and its end
 * marker before publishing.
 *
 * <p><b>Readiness.</b> Each run is tagged with the global epoch read (volatile) at its retires; the
 * epoch never decreases, so tags never decrease along the queue. A consumer checks readiness once
 * per run and, once it meets a run that is not ready, stops.
 *
 * <p><b>Null slots stay null.</b> Every slot of a chunk is null when the chunk is created, and the
 * consumer nulls every reference it consumes before the chunk can be reused, so both sides skip
 * storing a null argument array or origin: most retires carry neither.
 *
 * <p><b>Chunks.</b> When a chunk is full the producer links another through {@code next} with a
 * plain store before the release store that publishes the first entry of the new chunk, so a
 * consumer that sees that entry also sees the link. The producer keeps the whole chain from its
 * oldest chunk to its tail. The consumer nulls every slot it consumed (so released objects can be
 * collected), then publishes its move to the next chunk with a release store of {@code headChunk}.
 * Every chunk before the one the producer reads there (acquire) has been left for good, so at
 * roll-over the producer unlinks the oldest such chunk and reuses it. The chain keeps as many
 * chunks as the backlog needed at its peak within the last {@link #POOL_DECAY_NANOS} (never fewer
 * than {@link #MIN_CHUNKS_KEPT}), so in steady state the queue allocates nothing, whatever the
 * backlog's size; after a window whose peak was lower, the surplus free chunks are dropped. The
 * pool is resized only at roll-over, so a producer that stops retiring keeps its last pool: memory
 * bounded by its high-water mark, accepted to keep the clock off the append path.
 *
 * <p><b>Backlog estimate.</b> The queue adds {@link #CHUNK_CAPACITY} to a shared estimate when its
 * producer fills a chunk and subtracts it when the consumer leaves a chunk, so the estimate is the
 * sum of all queues' backlogs within one chunk each, maintained with one atomic add per chunk
 * rather than a scan of every queue. The producer's add happens-before the publication of the entry
 * that makes the consumer leave the chunk, so the estimate never counts a chunk as left before it
 * was counted as filled.
 *
 * <p><b>Consumer hand-over.</b> The consumer cursor ({@code headChunk}, {@code headIndex}) is
 * plain; the claim's CAS (acquire) and the releasing store of the flag order one consumer's cursor
 * updates before the next consumer's reads.
 *
 * <p><b>Counters.</b> {@code released} and {@code failed} are written only by the claiming
 * consumer, once per {@link #drainClaimed} call after the bodies have returned, with release
 * stores; a thread waiting in a barrier reads them with acquire loads and thereby also sees what
 * the bodies did. Publishing once per call instead of once per body saves a store per release; a
 * barrier waiter merely sees a run's outcomes together. Readers of the counters from other threads
 * accept that the three counters are read one after another, not atomically; reading the consumer
 * counters before {@code produced} keeps a computed backlog non-negative.
 *
 * <p><b>Layout.</b> The producer writes {@code produced} on every append while consumers write the
 * cursor, the counters and the claim flag. The fields live in a class hierarchy, producer fields
 * and consumer fields each between blocks of 128 bytes of padding (HotSpot lays superclass fields
 * out first), so a drainer working on one thread's queue does not invalidate the cache line the
 * producer writes on every retire. The only line both touch per batch is {@code produced} itself.
 */
final class RetireQueue extends RetireQueueTrailingPad {

    /** Entries per chunk: big enough to make roll-over rare, small enough for many threads. */
    static final int CHUNK_CAPACITY = 512;

    /** Chunks a queue keeps for reuse whatever its recent backlog. */
    static final int MIN_CHUNKS_KEPT = 16;

    /** How long the backlog must stay below the pool's size before the surplus is dropped. */
    static final long POOL_DECAY_NANOS = 10_000_000_000L;

    private static final VarHandle PRODUCED;
    private static final VarHandle RELEASED;
    private static final VarHandle FAILED;
    private static final VarHandle CLAIMED;
    private static final VarHandle HEAD_CHUNK;
    private static final VarHandle OWNER_DRAIN;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            PRODUCED =
                    lookup.findVarHandle(RetireQueueProducerFields.class, "produced", long.class);
            RELEASED =
                    lookup.findVarHandle(RetireQueueConsumerFields.class, "released", long.class);
            FAILED = lookup.findVarHandle(RetireQueueConsumerFields.class, "failed", long.class);
            CLAIMED = lookup.findVarHandle(RetireQueueConsumerFields.class, "claimed", int.class);
            HEAD_CHUNK =
                    lookup.findVarHandle(RetireQueueConsumerFields.class, "headChunk", Chunk.class);
            OWNER_DRAIN =
                    lookup.findVarHandle(
                            RetireQueueProducerFields.class, "ownerDrainNanos", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Entries waiting in all queues of the engine, approximate; see the protocol. */
    private final AtomicLong pendingEstimate;

    /** Creates an empty queue with an estimate of its own; for tests. */
    RetireQueue() {
        this(new AtomicLong());
    }

    /**
     * Creates an empty queue; called by its producer on its first retire.
     *
     * @param pendingEstimate the engine's estimate of all pending entries, shared by its queues
     */
    RetireQueue(AtomicLong pendingEstimate) {
        this.pendingEstimate = pendingEstimate;
        Chunk first = new Chunk();
        oldestChunk = first;
        tailChunk = first;
        headChunk = first;
        chunksKept = MIN_CHUNKS_KEPT;
        windowStartNanos = System.nanoTime();
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
        if (index == 0 || site != tailSite || epoch != tailEpoch) {
            startRun(chunk, index, site, epoch);
        }
        chunk.receivers[index] = receiver;
        // A slot the producer writes is fresh or was consumed, so it is null already: skipping
        // the common null stores keeps a hot retire loop writing one array, not three.
        if (arguments != null) {
            chunk.arguments[index] = arguments;
        }
        if (origin != null) {
            chunk.origins[index] = origin;
        }
        tailIndex = index + 1;
        PRODUCED.setRelease(this, ++producedByOwner);
        return rolledOver;
    }

    /** Records a new run starting at {@code index}, with its end marker. Producer only. */
    private void startRun(Chunk chunk, int index, int site, long epoch) {
        int run = index == 0 ? 0 : tailRun + 1;
        chunk.runStarts[run] = index;
        chunk.runSites[run] = site;
        chunk.runEpochs[run] = epoch;
        chunk.runStarts[run + 1] = CHUNK_CAPACITY;
        tailRun = run;
        tailSite = site;
        tailEpoch = epoch;
    }

    private Chunk rollOver(Chunk full) {
        pendingEstimate.addAndGet(CHUNK_CAPACITY);
        Chunk consumerAt = (Chunk) HEAD_CHUNK.getAcquire(this);
        resizePool(full.sequence - consumerAt.sequence + 2);
        while (chunkCount > chunksKept && oldestChunk != consumerAt) {
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
        next.sequence = full.sequence + 1;
        full.next = next;
        tailChunk = next;
        return next;
    }

    /**
     * Grows the pool to the chunks in use at once, and shrinks it to the peak of the last window
     * when a window ends. Producer only.
     */
    private void resizePool(long chunksInUse) {
        windowPeak = Math.max(windowPeak, chunksInUse);
        chunksKept = Math.max(chunksKept, windowPeak);
        long now = System.nanoTime();
        if (now - windowStartNanos >= POOL_DECAY_NANOS) {
            chunksKept = Math.max(MIN_CHUNKS_KEPT, windowPeak);
            windowPeak = chunksInUse;
            windowStartNanos = now;
        }
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
        long start = consumedByClaimant;
        int normal = 0;
        try {
            while (consumedByClaimant - start < max && consumedByClaimant < available) {
                if (headIndex == CHUNK_CAPACITY) {
                    advanceHeadChunk();
                }
                Chunk chunk = headChunk;
                int run = headRunOf(chunk);
                if (!GracePeriods.isReady(chunk.runEpochs[run], epoch)) {
                    break;
                }
                long limit =
                        Math.min(
                                max - (consumedByClaimant - start), available - consumedByClaimant);
                int end = (int) Math.min(chunk.runStarts[run + 1], headIndex + limit);
                normal += runUpTo(end, chunk.runSites[run], runner, drainer);
            }
        } finally {
            // The cursor moves before each body, so the counters follow it even when an error
            // escapes the runner; the bodies of that last run that returned then count as failed.
            int ran = (int) (consumedByClaimant - start);
            publishOutcomes(normal, ran - normal);
        }
        return (int) (consumedByClaimant - start);
    }

    /**
     * Returns the run of the head chunk that holds the entry at the cursor, moving the run cursor
     * forward to it. Claimant only; the entry at the cursor must be published.
     */
    private int headRunOf(Chunk chunk) {
        int run = headRun;
        while (chunk.runStarts[run + 1] <= headIndex) {
            run++;
        }
        headRun = run;
        return run;
    }

    /**
     * Runs the head chunk's entries from the cursor to {@code end}, all of one run and so of one
     * site; returns how many returned.
     */
    private int runUpTo(int end, int site, ReleaseRunner runner, ThreadRecord drainer) {
        Chunk chunk = headChunk;
        ReleaseInvoker invoker = runner.invokerOf(site);
        int normal = 0;
        for (int index = headIndex; index < end; index++) {
            Object receiver = chunk.receivers[index];
            Object[] arguments = chunk.arguments[index];
            RetireOrigin origin = chunk.origins[index];
            chunk.receivers[index] = null;
            if (arguments != null) {
                chunk.arguments[index] = null;
            }
            if (origin != null) {
                chunk.origins[index] = null;
            }
            headIndex = index + 1;
            consumedByClaimant++;
            if (runner.run(drainer, receiver, arguments, site, invoker, origin)) {
                normal++;
            }
        }
        return normal;
    }

    private void publishOutcomes(int normal, int abnormal) {
        if (normal != 0) {
            RELEASED.setRelease(this, (long) RELEASED.get(this) + normal);
        }
        if (abnormal != 0) {
            FAILED.setRelease(this, (long) FAILED.get(this) + abnormal);
        }
    }

    private void advanceHeadChunk() {
        headIndex = 0;
        headRun = 0;
        HEAD_CHUNK.setRelease(this, headChunk.next);
        pendingEstimate.addAndGet(-CHUNK_CAPACITY);
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
        Chunk chunk = headChunk;
        return chunk.runEpochs[headRunOf(chunk)];
    }

    /**
     * Calls {@code visitor} for every unconsumed entry, oldest first, without consuming it.
     * Claimant only; used to name what could not run at shutdown.
     */
    void forEachPendingClaimed(PendingVisitor visitor) {
        long available = producedAcquire();
        Chunk chunk = headChunk;
        int index = headIndex;
        int run = headRun;
        for (long position = consumedByClaimant; position < available; position++) {
            if (index == CHUNK_CAPACITY) {
                chunk = chunk.next;
                index = 0;
                run = 0;
            }
            while (chunk.runStarts[run + 1] <= index) {
                run++;
            }
            visitor.visit(chunk.receivers[index], chunk.runSites[run], chunk.origins[index]);
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

    /** Records, with an opaque store, that the owner drained at a safepoint. Producer only. */
    void markOwnerDrain(long now) {
        OWNER_DRAIN.setOpaque(this, now);
    }

    /**
     * Returns whether the owner drained at a safepoint within {@code window} before {@code now}.
     */
    boolean ownerDrainedWithin(long now, long window) {
        return now - (long) OWNER_DRAIN.getOpaque(this) < window;
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

    /** Returns how many chunks the queue holds, in use or kept for reuse. Producer only; tests. */
    int chunkCountForTests() {
        return chunkCount;
    }

    /**
     * A block of entries, stored as parallel arrays so an append writes no object header, with the
     * runs of equal site and tag recorded apart; see the protocol.
     */
    static final class Chunk {
        final Object[] receivers = new Object[CHUNK_CAPACITY];
        final Object[][] arguments = new Object[CHUNK_CAPACITY][];
        final RetireOrigin[] origins = new RetireOrigin[CHUNK_CAPACITY];

        /** Where each run starts; the entry after the last run holds {@link #CHUNK_CAPACITY}. */
        final int[] runStarts = new int[CHUNK_CAPACITY + 1];

        final int[] runSites = new int[CHUNK_CAPACITY];
        final long[] runEpochs = new long[CHUNK_CAPACITY];

        /** The chunk's position in the chain, counted by the producer; producer only. */
        long sequence;

        Chunk next;
    }
}

/** Padding that keeps the producer's fields off the cache lines before the queue. */
@SuppressWarnings("unused")
abstract class RetireQueueLeadingPad {
    int pad00;
    long pad01, pad02, pad03, pad04, pad05, pad06, pad07, pad08;
    long pad09, pad10, pad11, pad12, pad13, pad14, pad15, pad16;
}

/** The fields only the producer writes; see {@link RetireQueue}'s layout. */
abstract class RetireQueueProducerFields extends RetireQueueLeadingPad {
    RetireQueue.Chunk oldestChunk;
    RetireQueue.Chunk tailChunk;
    int tailIndex;
    int chunkCount = 1;

    /** Chunks the pool may hold: the peak in use of the current and the previous window. */
    long chunksKept;

    /** Most chunks in use since {@link #windowStartNanos}. */
    long windowPeak;

    long windowStartNanos;
    long producedByOwner;

    /** The tail chunk's current run, its site and its epoch tag. */
    int tailRun;

    int tailSite;
    long tailEpoch;

    /** Entries ever appended; release store, acquire load. */
    long produced;

    /**
     * When the owner last drained at a safepoint; opaque. Starts far in the past, so a new queue
     * has no active owner.
     */
    long ownerDrainNanos = System.nanoTime() - (1L << 62);
}

/** Padding between the producer's and the consumers' fields. */
@SuppressWarnings("unused")
abstract class RetireQueueMiddlePad extends RetireQueueProducerFields {
    long pad01, pad02, pad03, pad04, pad05, pad06, pad07, pad08;
    long pad09, pad10, pad11, pad12, pad13, pad14, pad15, pad16;
}

/** The fields only the claiming consumer writes, and the claim itself. */
abstract class RetireQueueConsumerFields extends RetireQueueMiddlePad {

    /** The chunk the consumer reads; release store, read by the producer at roll-over. */
    RetireQueue.Chunk headChunk;

    int headIndex;

    /** The head chunk's run holding the entry at {@link #headIndex}, or an earlier one. */
    int headRun;

    /** 1 while a consumer holds the queue; CAS to take, release store to give back. */
    int claimed;

    long consumedByClaimant;

    /** Bodies that returned normally; release store, acquire load. */
    long released;

    /** Bodies that threw; release store, acquire load. */
    long failed;
}

/**
 * Padding after the consumers' fields: within one class HotSpot orders fields by size, so the
 * padding must come from a subclass to lie behind them.
 */
@SuppressWarnings("unused")
abstract class RetireQueueTrailingPad extends RetireQueueConsumerFields {
    long pad01, pad02, pad03, pad04, pad05, pad06, pad07, pad08;
    long pad09, pad10, pad11, pad12, pad13, pad14, pad15, pad16;
}
