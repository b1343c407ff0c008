package dev.reclaimer.internal;

import dev.reclaimer.ReadSection;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the engine knows about one thread: whether it is a reader and since which epoch, its nesting
 * depth, its retire queue, and the object whose release it is running. The record is also the
 * thread's reusable {@link ReadSection} and the token the agent's hooks pass back, so opening a
 * section allocates nothing.
 *
 * <h2>Protocol</h2>
 *
 * <p><b>Roles.</b> The owning thread writes {@code active}, {@code depth}, {@code releaseSlot},
 * {@code draining}, {@code drainCursor} and creates {@code queue}. Grace-period scanners on any
 * thread read {@code active}. The stall fields belong to the background drainer alone.
 *
 * <p><b>Orderings.</b> Entering the outermost section stores the epoch into {@code active} with a
 * volatile store, whose store-load ordering puts the announcement before the reader's later
 * volatile loads of shared references: without it a scanner could miss the reader while the reader
 * already holds an object that is about to be released. Leaving stores 0 with a release store, so
 * everything the section did happens-before a scanner that sees it gone, and so before any release
 * that scanner's grace period lets run. The queue is published with a release store and read with
 * an acquire load, so drainers never see a half-built queue.
 *
 * <p><b>Accepted races.</b> {@code active} may hold an epoch older than the one current when the
 * store lands (the thread read the epoch, then was delayed); that only holds grace periods back
 * longer, see {@link GracePeriods}.
 */
final class ThreadRecord implements ReadSection {

    private static final VarHandle ACTIVE;
    private static final VarHandle QUEUE;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            ACTIVE = lookup.findVarHandle(ThreadRecord.class, "active", long.class);
            QUEUE = lookup.findVarHandle(ThreadRecord.class, "queue", RetireQueue.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The thread this record belongs to; a dead thread is never a reader. */
    final Thread thread;

    /** 0 when not a reader, else the epoch the outermost section entered in. */
    @SuppressWarnings("unused")
    private long active;

    /** Open sections; owner only. */
    private int depth;

    /** The thread's retire queue, created on its first retire; VarHandle {@link #QUEUE}. */
    @SuppressWarnings("unused")
    private RetireQueue queue;

    /**
     * Holds the receiver whose deferred release this thread is running now; owner only. A drain
     * starts with a fresh holder (see {@link #renewReleaseSlot()}), so the store of each receiver
     * goes to a young object, which the collector's write barrier passes without a fence, instead
     * of to this long-lived record.
     */
    private ReleaseSlot releaseSlot = new ReleaseSlot();

    /**
     * The release site this thread last retired through, known to resolve, so its next retire there
     * skips the lookup; -1 before the first. Owner only.
     */
    int deferrableSite = -1;

    /** Whether this thread is inside a drain, which must not nest; owner only. */
    boolean draining;

    /** Where this thread's next drain pass starts among the records; owner only. */
    int drainCursor;

    /** The {@code active} value the drainer last saw holding up a grace period. */
    long stallEpoch;

    /** When the drainer first saw {@link #stallEpoch} holding up a grace period. */
    long stallSinceNanos;

    /** Whether the stall at {@link #stallEpoch} has been reported. */
    boolean stallReported;

    /** When the stall at {@link #stallEpoch} is next reported again, once it has been reported. */
    long stallNextReportNanos;

    /**
     * The {@link SectionSites} id of the outermost open section, 0 when unknown. Written by the
     * owner with a plain store on the outermost enter; the stall monitor reads it racily, which at
     * worst names the section the thread entered just before.
     */
    int sectionSite;

    /**
     * The engine's estimate of pending entries, shared with every queue; see {@link RetireQueue}.
     */
    private final AtomicLong pendingEstimate;

    /** Creates a record whose queue keeps an estimate of its own; for tests. */
    ThreadRecord(Thread thread) {
        this(thread, new AtomicLong());
    }

    ThreadRecord(Thread thread, AtomicLong pendingEstimate) {
        this.thread = thread;
        this.pendingEstimate = pendingEstimate;
    }

    /**
     * Enters a section. Owner only.
     *
     * @param epoch the global epoch, read by the caller; used only for the outermost section
     */
    void enter(long epoch) {
        enter(epoch, 0);
    }

    /**
     * Enters a section and, when it is the outermost, records where. Owner only.
     *
     * @param epoch the global epoch, read by the caller; used only for the outermost section
     * @param site the {@link SectionSites} id of the section, 0 when unknown
     */
    void enter(long epoch, int site) {
        if (depth++ == 0) {
            sectionSite = site;
            ACTIVE.setVolatile(this, epoch);
        }
    }

    /**
     * Leaves a section. Owner only.
     *
     * @return {@code true} when this left the outermost section
     * @throws IllegalStateException if no section is open
     */
    boolean exit() {
        int open = depth;
        if (open == 0) {
            throw new IllegalStateException(
                    "no read section is open on thread " + thread.getName() + " to close");
        }
        depth = open - 1;
        if (open == 1) {
            ACTIVE.setRelease(this, 0L);
            return true;
        }
        return false;
    }

    /** Returns the receiver whose release this thread is running, or null. Owner only. */
    Object releasing() {
        return releaseSlot.receiver;
    }

    /** Returns the holder of the receiver being released, for the release runner. Owner only. */
    ReleaseSlot releaseSlot() {
        return releaseSlot;
    }

    /** Gives a drain that starts outside any release a fresh holder. Owner only. */
    void renewReleaseSlot() {
        if (releaseSlot.receiver == null) {
            releaseSlot = new ReleaseSlot();
        }
    }

    /** Returns whether the owner is inside a read section. Owner only. */
    boolean inSection() {
        return depth > 0;
    }

    /** Returns the announced epoch, 0 when not a reader, with a volatile load. */
    long activeVolatile() {
        return (long) ACTIVE.getVolatile(this);
    }

    /** Returns the queue, or null before the first retire, with an acquire load. */
    RetireQueue queueAcquire() {
        return (RetireQueue) QUEUE.getAcquire(this);
    }

    /** Returns the owner's queue, creating it on first use. Owner only. */
    RetireQueue ownQueue() {
        RetireQueue own = (RetireQueue) QUEUE.get(this);
        if (own == null) {
            own = new RetireQueue(pendingEstimate);
            QUEUE.setRelease(this, own);
        }
        return own;
    }

    /**
     * Closes one section of the calling thread.
     *
     * @throws IllegalStateException if called from another thread or with no section open
     */
    @Override
    public void close() {
        if (Thread.currentThread() != thread) {
            throw new IllegalStateException(
                    "a read section must be closed on the thread that opened it ("
                            + thread.getName()
                            + ")");
        }
        exit();
    }

    /** The receiver a thread is releasing now; see {@link ThreadRecord#releaseSlot}. */
    static final class ReleaseSlot {
        Object receiver;
    }
}
