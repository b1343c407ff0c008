package dev.reclaimer.sample.machine;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToLongFunction;

/**
 * The machine's own counters, kept by the application itself so they mean the same with or without
 * the agent. The dispatch counts, updated on the readers' hot path, are one {@link DispatchCounts}
 * per reader thread, summed when read. The rest, updated per event or per release, are striped
 * adders. A read while the threads run is a close estimate that is exact once they stop.
 */
public final class Metrics {

    private final List<DispatchCounts> readers = new CopyOnWriteArrayList<>();
    private final LongAdder events = new LongAdder();
    private final LongAdder retired = new LongAdder();
    private final LongAdder released = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAccumulator longestWaitNanos = new LongAccumulator(Math::max, 0);

    /** Registers and returns the counts of one more reader thread; call on that thread. */
    DispatchCounts newReader() {
        DispatchCounts counts = new DispatchCounts();
        readers.add(counts);
        return counts;
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
        return sum(DispatchCounts::dispatches);
    }

    /**
     * Returns the accesses that hit no region.
     *
     * @return the unmapped count
     */
    public long unmapped() {
        return sum(DispatchCounts::unmapped);
    }

    /**
     * Returns the accesses that found their view or region released under them.
     *
     * @return the use-after-release count
     */
    public long useAfterRelease() {
        return sum(DispatchCounts::useAfterRelease);
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

    private long sum(ToLongFunction<DispatchCounts> count) {
        return readers.stream().mapToLong(count).sum();
    }
}
