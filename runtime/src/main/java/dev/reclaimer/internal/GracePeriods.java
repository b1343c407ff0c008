package dev.reclaimer.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The global epoch and the rule that advances it: epoch-based reclamation, of the QSBR/EBR family.
 *
 * <h2>Protocol</h2>
 *
 * <p><b>State.</b> One global epoch {@code G}, starting at 1 and only ever incremented by CAS. Each
 * thread record announces {@code active}: 0 outside read sections, else the value of {@code G} it
 * read on entering its outermost section. A retire tags its entry with {@code G} read after the
 * application unpublished the object. {@code G} may go from {@code e} to {@code e + 1} only after a
 * scan, begun after reading {@code G == e}, found every live record with {@code active == 0} or
 * {@code active == e}. An entry tagged {@code t} is ready when {@code G >= t + 2}.
 *
 * <p><b>Why no release starts under a reader that could see the object.</b> The argument is in the
 * synchronization order of volatile accesses, so it assumes what safe publication needs anyway: the
 * application publishes, unpublishes and reads the shared reference with volatile (or stronger)
 * accesses. Take a reader R that obtains object O, and the retire of O tagged {@code t}.
 *
 * <ol>
 *   <li>R loads the reference after its volatile store of {@code active = a}; the retiring thread
 *       loads {@code G} (volatile) after its unpublishing store. If R loaded O, R's load precedes
 *       the unpublish, so R's announcement precedes the retire's load of {@code G}; R read {@code
 *       a} before announcing and {@code G} never decreases, so {@code 1 <= a <= t}.
 *   <li>To make O ready, {@code G} must go from {@code t + 1} to {@code t + 2}. That advance scans
 *       after reading {@code G == t + 1}, which comes after the write of {@code t + 1}, which comes
 *       after the retire read {@code t}; so the scan comes after R's announcement. If R is still in
 *       its section the scan reads {@code active = a}, which is neither 0 nor {@code t + 1}, and
 *       the advance is refused.
 *   <li>If instead the scan reads 0, R left: its exit is a release store and the scan a volatile
 *       load, so all of R's section happens-before the advance, and hence before the drainer's
 *       later load of {@code G >= t + 2} and the body it then runs.
 * </ol>
 *
 * A reader whose announcement the scan does not see (it registered or announced after the scan read
 * its slot) read {@code G} after the scan's read of {@code G == e}, so it announces {@code e} or
 * later and loads references after the unpublish of anything tagged below {@code e}: it is allowed
 * not to block. A reader that announces a stale epoch (it read {@code G}, was delayed, then stored)
 * only blocks advances longer. Tagging with a plain load of {@code G} would be unsafe: the load
 * could be satisfied before the unpublishing store and produce an older tag.
 *
 * <p><b>Dead threads.</b> A record whose thread has terminated is skipped whatever it announced: a
 * dead thread reads nothing, and {@link Thread#isAlive()} returning false orders the thread's last
 * action before the scan.
 *
 * <p><b>Accepted races.</b> Concurrent advancers may both scan; only one CAS from {@code e}
 * succeeds and the loser treats the advance as done. {@code epochStartNanos} is written after the
 * CAS with plain stores and read racily for the approximate oldest-pending age and for the length
 * of each completed grace period (from the start of epoch {@code e - 2} to the advance to an odd
 * epoch {@code e}, the advances {@link #completedGracePeriods()} counts); a racy read only makes
 * one reported length approximate.
 */
final class GracePeriods {

    private static final VarHandle EPOCH;
    private static final int START_TIMES = 256;

    static {
        try {
            EPOCH = MethodHandles.lookup().findVarHandle(GracePeriods.class, "epoch", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ThreadRegistry registry;
    private final OperationsMetrics metrics;

    /** The global epoch {@code G}; VarHandle {@link #EPOCH}. */
    @SuppressWarnings("unused")
    private long epoch = 1;

    /** When each recent epoch began, indexed by epoch modulo the length; racy, approximate. */
    private final long[] epochStartNanos = new long[START_TIMES];

    GracePeriods(ThreadRegistry registry) {
        this(registry, new OperationsMetrics());
    }

    GracePeriods(ThreadRegistry registry, OperationsMetrics metrics) {
        this.registry = registry;
        this.metrics = metrics;
        epochStartNanos[1] = System.nanoTime();
    }

    /** Returns {@code G} with a volatile load, as a retire's tag and a drain's readiness need. */
    long epochVolatile() {
        return (long) EPOCH.getVolatile(this);
    }

    /** Returns whether an entry tagged {@code tag} may run when the epoch is {@code current}. */
    static boolean isReady(long tag, long current) {
        return current >= tag + 2;
    }

    /**
     * Advances {@code G} by one if no live reader holds it back.
     *
     * @return {@code true} if {@code G} moved past the value read at the start (by this call or a
     *     concurrent one)
     */
    boolean tryAdvance() {
        long current = epochVolatile();
        if (findBlocker(current) != null) {
            return false;
        }
        if (EPOCH.compareAndSet(this, current, current + 1)) {
            long now = System.nanoTime();
            epochStartNanos[(int) ((current + 1) % START_TIMES)] = now;
            if ((current + 1) % 2 == 1) {
                metrics.onGracePeriod(
                        now - epochStartNanos[(int) ((current - 1) % START_TIMES)], now);
            }
        }
        return true;
    }

    /**
     * Returns a live record that holds up the advance from {@code current}, or null if none does.
     */
    ThreadRecord findBlocker(long current) {
        ThreadRecord[] snapshot = registry.snapshotVolatile();
        for (int i = 0; ; i++) {
            ThreadRecord record = ThreadRegistry.at(snapshot, i);
            if (record == null) {
                return null;
            }
            if (blocks(record.activeVolatile(), current) && record.thread.isAlive()) {
                return record;
            }
        }
    }

    /** Returns whether a reader that announced {@code active} holds up leaving {@code current}. */
    static boolean blocks(long active, long current) {
        return active != 0 && active != current;
    }

    /** Returns the grace periods completed: every two epoch advances make one. */
    long completedGracePeriods() {
        return (epochVolatile() - 1) / 2;
    }

    /**
     * Returns roughly when the epoch {@code tag} began, so an entry tagged with it is at most that
     * old; for tags older than the remembered window, the oldest remembered start.
     */
    long approximateStartNanos(long tag) {
        long current = epochVolatile();
        long oldestRemembered = Math.max(1, current - START_TIMES + 1);
        long known = Math.max(tag, oldestRemembered);
        return epochStartNanos[(int) (known % START_TIMES)];
    }
}
