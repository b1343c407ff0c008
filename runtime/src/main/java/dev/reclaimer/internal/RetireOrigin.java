package dev.reclaimer.internal;

/**
 * Where a release was retired, kept with the queued entry when diagnostics need it: the retiring
 * thread's name and, with {@link Diagnostics#recordRetireStacks()}, the retire stack.
 *
 * @param threadName the name of the thread that retired the release
 * @param stack the stack of the retire, or null when stacks are not recorded
 */
record RetireOrigin(String threadName, RetireStack stack) {

    /** Captures the calling thread's origin; the stack only when {@code withStack}. */
    static RetireOrigin ofCurrentThread(boolean withStack) {
        String name = Thread.currentThread().getName();
        return new RetireOrigin(name, withStack ? new RetireStack(name) : null);
    }

    /** The stack of a retire, captured when it is created; never thrown by the engine. */
    static final class RetireStack extends Throwable {
        private static final long serialVersionUID = 1L;

        RetireStack(String threadName) {
            super("retired on thread " + threadName, null, false, true);
        }
    }
}
