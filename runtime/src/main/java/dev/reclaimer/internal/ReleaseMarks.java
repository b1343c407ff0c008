package dev.reclaimer.internal;

import dev.reclaimer.UseAfterReleaseException;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The use-after-release detector's memory: the objects whose deferred release has run, each with
 * where its release was retired. It exists only when {@link Diagnostics#detectUseAfterRelease()} is
 * on.
 *
 * <h2>Protocol</h2>
 *
 * <p><b>Roles.</b> Drainers {@link #mark} an object after its release body has returned or thrown;
 * application threads {@link #check} objects on entry to their instance methods and {@link #revive}
 * them when a pool hands them out again.
 *
 * <p><b>Keys.</b> A key is a weak reference compared by the identity of its referent, so objects
 * that override {@code equals} never collide and a mark never keeps its object alive. A cleared key
 * equals only itself; cleared keys are queued by the collector and removed on the next {@link
 * #mark}. The map is concurrent, so a mark made by a drainer happens-before a check that finds it.
 *
 * <p><b>Accepted race.</b> A check that runs at the same moment as the mark of the same object may
 * miss it; that object was still being released, so the use raced with its release in the
 * application itself and the detector reports what it can.
 */
final class ReleaseMarks {

    private final ConcurrentHashMap<IdentityKey, Mark> marks = new ConcurrentHashMap<>();
    private final ReferenceQueue<Object> cleared = new ReferenceQueue<>();

    /** Marks {@code released} as released by {@code siteName}, retired at {@code origin}. */
    void mark(Object released, String siteName, RetireOrigin origin) {
        expungeCleared();
        marks.put(new IdentityKey(released, cleared), new Mark(siteName, origin));
    }

    /**
     * Throws when {@code self} is marked.
     *
     * @throws UseAfterReleaseException naming the class, the method and where the release was
     *     retired
     */
    void check(Object self, String className, String methodName) {
        if (marks.isEmpty()) {
            return;
        }
        Mark mark = marks.get(new IdentityKey(self, null));
        if (mark != null) {
            throw mark.exception(className, methodName);
        }
    }

    /** Removes the mark of {@code self}, if any: it is live again. */
    void revive(Object self) {
        if (!marks.isEmpty()) {
            marks.remove(new IdentityKey(self, null));
        }
    }

    /** Returns whether {@code object} is marked; for tests. */
    boolean isMarked(Object object) {
        return marks.containsKey(new IdentityKey(object, null));
    }

    /** Returns how many marks are held, cleared ones included until expunged; for tests. */
    int size() {
        expungeCleared();
        return marks.size();
    }

    private void expungeCleared() {
        for (Reference<?> key = cleared.poll(); key != null; key = cleared.poll()) {
            marks.remove(key);
        }
    }

    /** Where one marked object's release was retired. */
    private record Mark(String siteName, RetireOrigin origin) {

        UseAfterReleaseException exception(String className, String methodName) {
            String thread = origin == null ? "an unknown thread" : "thread " + origin.threadName();
            Throwable stack = origin == null ? null : origin.stack();
            return new UseAfterReleaseException(
                    className
                            + "#"
                            + methodName
                            + " called after the object's release ran; the release "
                            + siteName
                            + " was retired on "
                            + thread
                            + (stack == null
                                    ? " (set reclaimer.debug.record-retire-stacks for its stack)"
                                    : " (retire stack in the cause)"),
                    stack);
        }
    }

    /** A weak key compared by the identity of its referent. */
    private static final class IdentityKey extends WeakReference<Object> {
        private final int hash;

        IdentityKey(Object referent, ReferenceQueue<Object> queue) {
            super(referent, queue);
            this.hash = System.identityHashCode(referent);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            if (other == this) {
                return true;
            }
            if (!(other instanceof IdentityKey)) {
                return false;
            }
            Object referent = get();
            return referent != null && referent == ((IdentityKey) other).get();
        }
    }
}
