package dev.reclaimer.sample.machine;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A pool of equally sized direct buffers, handed out stamped with their owner's identity.
 *
 * <p>Protocol. Roles: any thread may take and give. The free list is a lock-free deque used as a
 * stack, so a buffer given back is the next one taken: reuse is immediate, which is what makes a
 * premature release visible at once. Orderings: {@link #give} clears the stamp (compare-and-set
 * from the owner) before it pushes the buffer, so a buffer in the free list is never stamped with
 * an old owner; {@link #take} pops before it stamps, so two owners never share a buffer. A give by
 * someone who no longer holds the stamp fails loudly instead of corrupting the next owner: it is a
 * double release. Race accepted as harmless: {@link #outstanding()} is read without a lock and may
 * be off by the operations in flight.
 */
public final class BufferPool {

    /** The usual cache line size of the processors the sample runs on. */
    private static final int CACHE_LINE_BYTES = 64;

    private final int bufferBytes;
    private final Deque<ByteBuffer> free = new ConcurrentLinkedDeque<>();
    private final AtomicLong allocated = new AtomicLong();
    private final AtomicLong outstanding = new AtomicLong();

    /**
     * Creates an empty pool; buffers are allocated on demand and never freed.
     *
     * @param payloadBytes usable bytes per buffer, after the stamp header
     */
    public BufferPool(int payloadBytes) {
        if (payloadBytes <= 0) {
            throw new IllegalArgumentException("payloadBytes must be positive: " + payloadBytes);
        }
        this.bufferBytes = Stamps.HEADER_BYTES + payloadBytes;
    }

    /**
     * Takes a buffer, from the free list if one is there, and stamps it.
     *
     * @param owner the new owner's identity, not {@code 0}
     * @return a buffer stamped with {@code owner}
     */
    public ByteBuffer take(long owner) {
        if (owner == Stamps.FREE) {
            throw new IllegalArgumentException("owner 0 is reserved for free buffers");
        }
        ByteBuffer buffer = free.pollFirst();
        if (buffer == null) {
            buffer = allocate();
        }
        outstanding.incrementAndGet();
        Stamps.stampRelease(buffer, owner);
        return buffer;
    }

    /**
     * Gives a buffer back; the next {@link #take} reuses it.
     *
     * @param buffer a buffer this pool handed out
     * @param owner the identity it was stamped with
     * @throws IllegalStateException if the buffer is no longer stamped with {@code owner}: it was
     *     given back already
     */
    public void give(ByteBuffer buffer, long owner) {
        if (!Stamps.clearIfOwned(buffer, owner)) {
            throw new IllegalStateException(
                    "buffer of owner "
                            + owner
                            + " given back twice, now stamped "
                            + Stamps.stampAcquire(buffer));
        }
        outstanding.decrementAndGet();
        free.offerFirst(buffer);
    }

    /**
     * Returns how many buffers this pool ever allocated.
     *
     * @return the number of direct buffers allocated
     */
    public long allocated() {
        return allocated.get();
    }

    /**
     * Returns how many buffers are taken and not given back.
     *
     * @return the number of buffers in use
     */
    public long outstanding() {
        return outstanding.get();
    }

    private ByteBuffer allocate() {
        allocated.incrementAndGet();
        // Whole cache lines of its own: the stamp, read on every access, then shares no line with
        // another buffer's registers, which vCPUs write. Native order spares every access a byte
        // swap and matches the stamp's compare-and-set.
        int lines = (bufferBytes + CACHE_LINE_BYTES - 1) / CACHE_LINE_BYTES;
        return ByteBuffer.allocateDirect((lines + 1) * CACHE_LINE_BYTES)
                .alignedSlice(CACHE_LINE_BYTES)
                .order(ByteOrder.nativeOrder());
    }
}
