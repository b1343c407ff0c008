package dev.reclaimer.benchmarks.jmh;

import dev.reclaimer.DeferredRelease;

/**
 * A resource whose release method is rewritten by the agent: a call retires it and returns. {@link
 * InlineResource} has the same body without the annotation.
 */
public final class DeferredResource {

    private final ReleaseCounter counter;

    /**
     * Creates a resource whose releases are counted by {@code counter}.
     *
     * @param counter the producing thread's counter
     */
    public DeferredResource(ReleaseCounter counter) {
        this.counter = counter;
    }

    /** Releases the resource: deferred with the agent, inline without it. */
    @DeferredRelease
    public void release() {
        counter.countRelease();
    }
}
