package dev.reclaimer;

/**
 * Thrown by the use-after-release detector when an instance method is called on an object whose
 * deferred release has already run. The detector is off by default and meant for tests: turn it on
 * with {@code reclaimer.debug.detect-use-after-release=true}.
 *
 * <h2>How the detector knows</h2>
 *
 * When the detector is on, the engine marks an object as released once its deferred release body
 * has returned or thrown, remembering where the release was retired: the release method, the
 * retiring thread and, with {@code reclaimer.debug.record-retire-stacks}, the retire stack (then
 * the {@linkplain #getCause() cause} of this exception). The marks are held by identity, so two
 * objects that are {@code equals} are told apart, and weakly, so a mark never keeps an object
 * alive. The agent adds a check at the start of every instance method of the classes that have
 * release methods; the check throws this exception for a marked object.
 *
 * <p>An object that a pool hands out again after its release is live again. The detector learns
 * that only from the pool: name the method the pool calls when it hands an object out (its revive
 * method) in the agent configuration ({@code reclaimer.debug.revive-methods}), and the agent makes
 * every call of it clear the object's mark. A pooled object whose revive method is not configured
 * is reported as used after release as soon as one of its instance methods is called.
 *
 * <p>When the detector is off the agent injects no check and the engine keeps no marks.
 */
public class UseAfterReleaseException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message names the class, the method called and where the release was retired
     * @param retireStack the stack of the retire, or {@code null} when retire stacks are not
     *     recorded
     */
    public UseAfterReleaseException(String message, Throwable retireStack) {
        super(message, retireStack);
    }
}
