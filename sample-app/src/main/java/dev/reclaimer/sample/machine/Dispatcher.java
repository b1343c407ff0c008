package dev.reclaimer.sample.machine;

import java.util.SplittableRandom;

/**
 * One reader thread's dispatch of accesses at random guest addresses through the current view.
 * Counts locally and adds to the thread's own {@link DispatchCounts} once per batch, so the hot
 * path touches no shared counter. Not thread-safe: one per reader thread, built on that thread, so
 * its state (the random sequence among it) lies in that thread's allocation buffer, away from the
 * other readers'.
 */
final class Dispatcher {

    private final AddressSpace space;
    private final Guard guard;
    private final Linger linger;
    private final SplittableRandom random;
    private final boolean writes;
    private final DispatchCounts counts;
    private long dispatches;
    private long unmapped;
    private long useAfterRelease;

    Dispatcher(AddressSpace space, Guard guard, Linger linger, long seed, boolean writes) {
        this.space = space;
        this.guard = guard;
        this.linger = linger;
        this.random = new SplittableRandom(seed);
        this.writes = writes;
        this.counts = space.metrics().newReader();
    }

    void dispatchBatch(int count) {
        for (int i = 0; i < count; i++) {
            dispatchOne();
        }
        flush();
    }

    private void dispatchOne() {
        long address = random.nextLong(space.limit());
        boolean write = writes && random.nextBoolean();
        FlatView.Outcome outcome;
        guard.lockRead();
        try {
            outcome = space.current().dispatch(address, write, linger);
        } finally {
            guard.unlockRead();
        }
        count(outcome);
    }

    private void flush() {
        counts.add(dispatches, unmapped, useAfterRelease);
        dispatches = 0;
        unmapped = 0;
        useAfterRelease = 0;
    }

    private void count(FlatView.Outcome outcome) {
        dispatches++;
        if (outcome == FlatView.Outcome.UNMAPPED) {
            unmapped++;
        } else if (outcome == FlatView.Outcome.USE_AFTER_RELEASE) {
            useAfterRelease++;
        }
    }
}
