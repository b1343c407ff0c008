package dev.reclaimer;

import dev.reclaimer.internal.BootstrapCopy;
import dev.reclaimer.internal.Engine;
import java.util.Objects;

/**
 * The one reclaimer of this JVM: deferred release of resources the garbage collector does not
 * manage, after a grace period, in the style of read-copy-update.
 *
 * <h2>Terms</h2>
 *
 * A <em>retire</em> is a call of a release method ({@link DeferredRelease}) or of {@link
 * #defer(Runnable)}. A <em>reader</em> is a thread inside a read section: a {@link #read()} block,
 * a {@link ReadSide} method, or a {@link Safepoint} method while it runs. The <em>grace period</em>
 * of a retire made at time T ends when every read section that was open at T has closed.
 *
 * <h2>The contract</h2>
 *
 * <ul>
 *   <li><b>Safety.</b> A retired release never starts before its grace period has ended, so an
 *       object unpublished before it was retired is never released under a reader that could still
 *       hold it.
 *   <li><b>Exactly once.</b> Every retire runs exactly once: on a main-loop thread at a safepoint,
 *       on the background drainer thread when no safepoint drains in time, or at shutdown. {@link
 *       #stats()} makes this checkable: {@code retired == released + failed + pending}.
 *   <li><b>Order.</b> Releases retired by one thread run in the order they were retired. There is
 *       no order across threads.
 *   <li><b>Thread.</b> By default a release runs on a main-loop thread after its {@link Safepoint}
 *       method returns, a bounded number per safepoint so the loop's latency stays bounded.
 *       Applications without a main loop are served by a background daemon thread.
 *   <li><b>Happens-before.</b> Everything the retiring thread did before the retire happens-before
 *       the release body starts.
 *   <li><b>Exceptions.</b> A release body that throws is caught, counted as failed and logged (once
 *       per release site with its stack trace, then rate-limited). The caller of the release method
 *       never sees it; the other releases and the loop go on.
 *   <li><b>Nesting.</b> Inside a running release body, a release call on the same object (a
 *       subclass body calling {@code super.release()}) runs inline; releases of other objects are
 *       retired and wait for their own grace period.
 *   <li><b>Exit.</b> At JVM exit the pending releases run after a final grace period, within the
 *       configured shutdown timeout. Any that cannot run are named in the log.
 * </ul>
 *
 * <p>A release body must not make the object reachable again from shared state, and must not rely
 * on running on any particular thread. Unlike {@link java.lang.ref.Cleaner}, the reclaimer keeps
 * the object strongly reachable until its release has run; the object is never collected first.
 *
 * <p>There is one reclaimer even when a class loader or module layer defines a second copy of this
 * class: with the agent, that copy's methods act on the reclaimer of the copy the agent loaded.
 *
 * <p>Without the agent, the annotations are inert and release methods run inline; {@link #read()}
 * and {@link #defer(Runnable)} still work as a plain library.
 */
public final class Reclaimer {

    private Reclaimer() {}

    /**
     * Opens a read section on the calling thread. Sections nest, cost a few nanoseconds and
     * allocate nothing; they may be used from any thread, virtual threads included.
     *
     * @return the open section, to be closed on this thread
     */
    public static ReadSection read() {
        if (BootstrapCopy.FORWARDING) {
            return BootstrapCopy.read();
        }
        return Engine.global().openSection();
    }

    /**
     * Retires {@code release}: it runs once, after the grace period of this call has ended.
     *
     * @param release the action to run later
     * @throws NullPointerException if {@code release} is null
     */
    public static void defer(Runnable release) {
        Objects.requireNonNull(release, "release");
        if (BootstrapCopy.FORWARDING) {
            BootstrapCopy.defer(release);
            return;
        }
        Engine.global().defer(release);
    }

    /**
     * Waits until every release retired before this call, by any thread, has run.
     *
     * @throws IllegalStateException if called inside a read section or a release body, where it
     *     could never return
     * @throws InterruptedException if interrupted while waiting
     */
    public static void barrier() throws InterruptedException {
        if (BootstrapCopy.FORWARDING) {
            BootstrapCopy.barrier();
            return;
        }
        Engine.global().barrier();
    }

    /**
     * Waits until one grace period has passed: every read section open at the time of the call has
     * closed.
     *
     * @throws IllegalStateException if called inside a read section, where it could never return
     * @throws InterruptedException if interrupted while waiting
     */
    public static void synchronize() throws InterruptedException {
        if (BootstrapCopy.FORWARDING) {
            BootstrapCopy.synchronize();
            return;
        }
        Engine.global().synchronize();
    }

    /**
     * Returns a snapshot of the reclaimer's counters.
     *
     * @return the counters now
     */
    public static ReclaimerStats stats() {
        if (BootstrapCopy.FORWARDING) {
            return BootstrapCopy.stats();
        }
        return Engine.global().stats();
    }
}
