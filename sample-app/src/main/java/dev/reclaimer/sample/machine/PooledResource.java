package dev.reclaimer.sample.machine;

import java.nio.ByteBuffer;

/**
 * An object that owns one buffer from a {@link BufferPool} until it is released.
 *
 * <p>Retiring is two steps taken by the thread that unpublished the object: {@link #markRetired()},
 * which counts the retire and notes the time, then {@link #release()}. With the Reclaimer agent and
 * {@code release()} marked or named as a release method, the second step returns at once and the
 * body runs after a grace period; otherwise it runs inline. The timestamp is a plain field: the
 * contract's happens-before edge from the retiring thread to the release body makes it visible,
 * exactly as an inline call would.
 */
public abstract class PooledResource {

    private final long owner;
    private final ByteBuffer buffer;
    private final BufferPool pool;
    private final Metrics metrics;
    private long retiredAtNanos;

    /**
     * Takes a buffer for a new owner.
     *
     * @param owner this object's identity, stamped into the buffer
     * @param pool where the buffer comes from and goes back to
     * @param metrics where retires and releases are counted
     */
    protected PooledResource(long owner, BufferPool pool, Metrics metrics) {
        this.owner = owner;
        this.pool = pool;
        this.metrics = metrics;
        this.buffer = pool.take(owner);
    }

    /**
     * Returns the identity stamped into this object's buffer.
     *
     * @return the owner identity
     */
    public final long owner() {
        return owner;
    }

    /** Counts a retire of this object and notes its time; call just before {@link #release()}. */
    public final void markRetired() {
        retiredAtNanos = System.nanoTime();
        metrics.countRetire();
    }

    /**
     * Gives the buffer back to its pool, where the next new owner takes it at once. The release
     * method an application defers; overridden only to add an annotation.
     */
    public void release() {
        releaseNow();
    }

    /**
     * The body of {@link #release()}, for callers that release inline under a lock. Counts the
     * release and the wait since {@link #markRetired()}, or the failure.
     */
    public final void releaseNow() {
        try {
            pool.give(buffer, owner);
        } catch (RuntimeException e) {
            metrics.countFailedRelease();
            throw e;
        }
        metrics.countRelease(System.nanoTime() - retiredAtNanos);
    }

    /**
     * Returns the buffer, for subclasses that lay out their data in it after the stamp header.
     *
     * @return the owned buffer
     */
    protected final ByteBuffer buffer() {
        return buffer;
    }

    /**
     * Tells whether the buffer carries this object's stamp, before an access: the access's reads
     * and writes of the buffer stay after this check.
     *
     * @return false once the buffer went back to the pool, whoever owns it now
     */
    protected final boolean ownsBuffer() {
        return Stamps.stampAcquire(buffer) == owner;
    }

    /**
     * Tells whether the buffer still carries this object's stamp, after an access: the access's
     * reads of the buffer stay before this check, so a release that overwrote what they read is
     * seen.
     *
     * @return false once the buffer went back to the pool, whoever owns it now
     */
    protected final boolean stillOwnsBuffer() {
        return Stamps.stampRecheck(buffer) == owner;
    }

    /**
     * Returns the offset of the first payload byte in the buffer.
     *
     * @return the header size
     */
    protected static int payloadOffset() {
        return Stamps.HEADER_BYTES;
    }
}
