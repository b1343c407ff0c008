package dev.reclaimer.sample.machine;

import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * The machine's own counters, kept by the application itself so they mean the same with or without
 * the agent. Every counter is a striped adder: updates from many threads do not contend, and a read
 * while they run is a close estimate that is exact once they stop.
 */
public final class Metrics {

    private final LongAdder dispatches = new LongAdder();
    private final LongAdder unmapped = new LongAdder();
    private final LongAdder useAfterRelease = new LongAdder();
    private final LongAdder events = new LongAdder();
    private final LongAdder retired = new LongAdder();
    private final LongAdder released = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAccumulator longestWaitNanos = new LongAccumulator(Math::max, 0);

    void addDispatches(long count, long unmappedCount, long useAfterReleaseCount) {
        dispatches.add(count);
        unmapped.add(unmappedCount);
        useAfterRelease.add(useAfterReleaseCount);
    }

    void countEvent() {
        events.increment();
    }

    void countRetire() {
        retired.increment();
    }

    void countRelease(long waitNanos) {
        released.increment();
        longestWaitNanos.accumulate(waitNanos);
    }

    void countFailedRelease() {
        failed.increment();
    }

    /**
     * Returns the accesses dispatched, mapped or not.
     *
     * @return the dispatch count
     */
    public long dispatches() {
        return dispatches.sum();
    }

    /**
     * Returns the accesses that hit no region.
     *
     * @return the unmapped count
     */
    public long unmapped() {
        return unmapped.sum();
    }

    /**
     * Returns the accesses that found their view or region released under them.
     *
     * @return the use-after-release count
     */
    public long useAfterRelease() {
        return useAfterRelease.sum();
    }

    /**
     * Returns the hot-plug and remap events applied.
     *
     * @return the event count
     */
    public long events() {
        return events.sum();
    }

    /**
     * Returns the release method calls made on views and regions.
     *
     * @return the retire count
     */
    public long retired() {
        return retired.sum();
    }

    /**
     * Returns the release bodies that returned normally.
     *
     * @return the release count
     */
    public long released() {
        return released.sum();
    }

    /**
     * Returns the release bodies that threw.
     *
     * @return the failure count
     */
    public long failed() {
        return failed.sum();
    }

    /**
     * Returns the longest time from a retire to the end of its release body.
     *
     * @return the longest wait in nanoseconds, zero if nothing was released
     */
    public long longestWaitNanos() {
        return longestWaitNanos.get();
    }
}
