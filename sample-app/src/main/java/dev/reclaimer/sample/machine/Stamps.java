package dev.reclaimer.sample.machine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The owner stamp in the first eight bytes of a pooled buffer.
 *
 * <p>The stamp is written with release semantics and read with acquire semantics, so a reader that
 * sees an owner's stamp also sees the data that owner wrote before stamping, and a stamp cleared by
 * a release is seen by the next check on any thread without a lock.
 */
final class Stamps {

    /** The stamp of a buffer that is in the pool, owned by nobody. */
    static final long FREE = 0;

    /** Bytes at the start of every pooled buffer reserved for the stamp and alignment. */
    static final int HEADER_BYTES = 64;

    private static final VarHandle LONGS =
            MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private Stamps() {}

    static void stampRelease(ByteBuffer buffer, long owner) {
        LONGS.setRelease(buffer, 0, owner);
    }

    static long stampAcquire(ByteBuffer buffer) {
        return (long) LONGS.getAcquire(buffer, 0);
    }

    /** Clears the stamp if {@code owner} holds it; false when it was cleared or taken already. */
    static boolean clearIfOwned(ByteBuffer buffer, long owner) {
        return LONGS.compareAndSet(buffer, 0, owner, FREE);
    }
}
