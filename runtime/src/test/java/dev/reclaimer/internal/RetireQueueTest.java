package dev.reclaimer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetireQueueTest {

    private final List<Object> ran = new ArrayList<>();
    private final ReleaseRunner runner =
            new ReleaseRunner(
                    new ReleaseMethods(), new FailureLog(java.time.Duration.ofMinutes(1)));
    private final ThreadRecord drainer = new ThreadRecord(Thread.currentThread());

    private Runnable recording(int i) {
        return () -> ran.add(i);
    }

    @Test
    void drainClaimed_entriesAcrossChunks_runInAppendOrder() {
        RetireQueue queue = new RetireQueue();
        int count = RetireQueue.CHUNK_CAPACITY * 3 + 7;
        for (int i = 0; i < count; i++) {
            queue.append(recording(i), null, ReleaseMethods.DEFER_SITE, 1);
        }

        assertTrue(queue.tryClaim());
        assertEquals(count, queue.drainClaimed(3, Integer.MAX_VALUE, runner, drainer));
        queue.unclaim();
        for (int i = 0; i < count; i++) {
            assertEquals(i, ran.get(i));
        }
        assertEquals(count, queue.releasedAcquire());
        assertEquals(0, queue.pendingAcquire());
    }

    @Test
    void drainClaimed_entryTaggedWithinTwoEpochs_isNotRunYet() {
        RetireQueue queue = new RetireQueue();
        queue.append(recording(0), null, ReleaseMethods.DEFER_SITE, 5);
        queue.append(recording(1), null, ReleaseMethods.DEFER_SITE, 6);
        assertTrue(queue.tryClaim());

        assertEquals(0, queue.drainClaimed(6, 10, runner, drainer));
        assertEquals(1, queue.drainClaimed(7, 10, runner, drainer));
        assertEquals(1, queue.drainClaimed(8, 10, runner, drainer));
        assertEquals(List.of(0, 1), ran);
    }

    @Test
    void tryClaim_alreadyClaimed_refusesASecondConsumer() {
        RetireQueue queue = new RetireQueue();
        assertTrue(queue.tryClaim());
        assertFalse(queue.tryClaim());
        queue.unclaim();
        assertTrue(queue.tryClaim());
    }

    @Test
    void drainClaimed_bodyThrows_countedAsFailedAndNextEntryRuns() {
        RetireQueue queue = new RetireQueue();
        queue.append(
                (Runnable)
                        () -> {
                            throw new IllegalStateException("boom");
                        },
                null,
                ReleaseMethods.DEFER_SITE,
                1);
        queue.append(recording(1), null, ReleaseMethods.DEFER_SITE, 1);
        assertTrue(queue.tryClaim());

        try (LogCapture log = new LogCapture()) {
            assertEquals(2, queue.drainClaimed(3, 10, runner, drainer));
            assertTrue(log.text().contains("boom"), log.text());
        }
        assertEquals(1, queue.failedAcquire());
        assertEquals(1, queue.releasedAcquire());
        assertEquals(List.of(1), ran);
    }

    @Test
    void appendAndDrain_steadyState_allocatesNothing() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        RetireQueue queue = new RetireQueue();
        Runnable release = () -> {};
        for (int round = 0; round < 500; round++) {
            cycle(queue, release);
        }
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        for (int round = 0; round < 200; round++) {
            cycle(queue, release);
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - before;

        assertTrue(
                allocated < 1_024,
                "allocated " + allocated + " bytes for 200 batches of 4,096 retires");
    }

    private void cycle(RetireQueue queue, Runnable release) {
        for (int i = 0; i < 4_096; i++) {
            queue.append(release, null, ReleaseMethods.DEFER_SITE, 1);
        }
        queue.tryClaim();
        queue.drainClaimed(3, Integer.MAX_VALUE, runner, drainer);
        queue.unclaim();
    }
}
