package dev.reclaimer.sample.machine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The owner stamp in the first eight bytes of a pooled buffer.
 *
 * <p>Protocol. The stamp changes only when a buffer changes hands: {@link #clearIfOwned} (a
 * compare-and-set, on release) and {@link #stampRelease} (on take). Readers check it before and
 * after every access, with a plain eight-byte load of the buffer's aligned first word placed by
 * fences. (Measured on one thread, the checks cost the same as acquire loads through the buffer
 * view {@code VarHandle}; the fences are what cost, about 3 ns of a 30 ns dispatch, because they
 * make every access reload the buffer's fields. They are kept for the order below.)
 *
 * <ul>
 *   <li>{@link #stampRelease}: a release fence, then the store. A reader that sees the new owner's
 *       stamp also sees what the pool and the owner wrote before stamping.
 *   <li>{@link #stampAcquire}: the load, then an acquire fence. The data reads and writes of the
 *       access that follow cannot move above the check before the access.
 *   <li>{@link #stampRecheck}: an acquire fence, then the load. The data reads of the access cannot
 *       move below the check after the access, so a release that overwrote the buffer before the
 *       reader read it is seen. That is the seqlock reader's order.
 * </ul>
 *
 * <p>Race accepted: a reader's data store may still be in flight while its recheck loads an old
 * stamp, so a release in that window goes unseen by that access (a full fence would close it at the
 * price of every access). The checks detect use after release; they never report one where readers
 * are protected, because there a stamp never changes while a reader holds its buffer. The stamp
 * word is eight-byte aligned ({@link BufferPool} aligns every buffer), so a load is never torn.
 */
final class Stamps {

    /** The stamp of a buffer that is in the pool, owned by nobody. */
    static final long FREE = 0;

    /** Bytes at the start of every pooled buffer reserved for the stamp and alignment. */
    static final int HEADER_BYTES = 64;

    /** For the compare-and-set of a release only; the checks use the buffer's own accessors. */
    private static final VarHandle LONGS =
            MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private Stamps() {}

    static void stampRelease(ByteBuffer buffer, long owner) {
        VarHandle.releaseFence();
        buffer.putLong(0, owner);
    }

    static long stampAcquire(ByteBuffer buffer) {
        long stamp = buffer.getLong(0);
        VarHandle.acquireFence();
        return stamp;
    }

    static long stampRecheck(ByteBuffer buffer) {
        VarHandle.acquireFence();
        return buffer.getLong(0);
    }

    /** Clears the stamp if {@code owner} holds it; false when it was cleared or taken already. */
    static boolean clearIfOwned(ByteBuffer buffer, long owner) {
        return LONGS.compareAndSet(buffer, 0, owner, FREE);
    }
}
