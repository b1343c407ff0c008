package dev.reclaimer.internal;

import dev.reclaimer.internal.jfr.FlightEvents;

/**
 * Runs one deferred release on a drainer thread: marks the drainer as releasing the receiver (so a
 * nested release of the same object runs inline), calls the body, and turns a throw into a counted,
 * logged failure. With the use-after-release detector on, it then marks the receiver as released,
 * whether the body returned or threw.
 */
final class ReleaseRunner {

    private final ReleaseMethods methods;
    private final FailureLog failures;

    /** The detector's marks; null when the detector is off. */
    private final ReleaseMarks marks;

    ReleaseRunner(ReleaseMethods methods, FailureLog failures) {
        this(methods, failures, null);
    }

    ReleaseRunner(ReleaseMethods methods, FailureLog failures, ReleaseMarks marks) {
        this.methods = methods;
        this.failures = failures;
        this.marks = marks;
    }

    /**
     * Returns the invoker of a site whose entries are about to run, null for {@link
     * ReleaseMethods#DEFER_SITE}; a drain looks it up once per run of entries.
     */
    ReleaseInvoker invokerOf(int site) {
        return site == ReleaseMethods.DEFER_SITE ? null : methods.resolvedInvoker(site);
    }

    /**
     * Runs one entry whose site's invoker the caller looked up with {@link #invokerOf(int)}.
     *
     * @param origin where it was retired, or null when no diagnostics recorded it
     * @return {@code true} when the body returned normally, {@code false} when it threw
     */
    boolean run(
            ThreadRecord drainer,
            Object receiver,
            Object[] arguments,
            int site,
            ReleaseInvoker invoker,
            RetireOrigin origin) {
        ThreadRecord.ReleaseSlot slot = drainer.releaseSlot();
        Object outer = slot.receiver;
        slot.receiver = receiver;
        try {
            if (invoker == null) {
                ((Runnable) receiver).run();
            } else {
                invoker.invoke(receiver, arguments);
            }
            return true;
        } catch (Throwable failure) {
            String siteName = ReleaseMethods.displayName(site, receiver);
            failures.report(siteName, failure);
            FlightEvents.releaseFailed(siteName, failure);
            return false;
        } finally {
            slot.receiver = outer;
            if (marks != null && site != ReleaseMethods.DEFER_SITE) {
                marks.mark(receiver, ReleaseMethods.displayName(site, receiver), origin);
            }
        }
    }
}
