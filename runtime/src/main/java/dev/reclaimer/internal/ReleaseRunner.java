package dev.reclaimer.internal;

import java.lang.invoke.MethodHandle;

/**
 * Runs one deferred release on a drainer thread: marks the drainer as releasing the receiver (so a
 * nested release of the same object runs inline), calls the body, and turns a throw into a counted,
 * logged failure.
 */
final class ReleaseRunner {

    private final ReleaseMethods methods;
    private final FailureLog failures;

    ReleaseRunner(ReleaseMethods methods, FailureLog failures) {
        this.methods = methods;
        this.failures = failures;
    }

    /**
     * Runs one entry.
     *
     * @return {@code true} when the body returned normally, {@code false} when it threw
     */
    boolean run(ThreadRecord drainer, Object receiver, Object[] arguments, int site) {
        Object outer = drainer.releasing;
        drainer.releasing = receiver;
        try {
            if (site == ReleaseMethods.DEFER_SITE) {
                ((Runnable) receiver).run();
            } else {
                MethodHandle invoker = methods.resolvedInvoker(site);
                invoker.invokeExact(receiver, arguments);
            }
            return true;
        } catch (Throwable failure) {
            failures.report(ReleaseMethods.displayName(site, receiver), failure);
            return false;
        } finally {
            drainer.releasing = outer;
        }
    }
}
