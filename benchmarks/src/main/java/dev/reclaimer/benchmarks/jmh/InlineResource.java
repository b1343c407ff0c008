package dev.reclaimer.benchmarks.jmh;

/**
 * The same release body as {@link DeferredResource}, without the annotation: the inline call, and
 * what a queue's consumer runs for each element it takes.
 */
public final class InlineResource {

    private final ReleaseCounter counter;

    /**
     * Creates a resource whose releases are counted by {@code counter}.
     *
     * @param counter the producing thread's counter
     */
    public InlineResource(ReleaseCounter counter) {
        this.counter = counter;
    }

    /** Releases the resource, here and now. */
    public void release() {
        counter.countRelease();
    }
}
