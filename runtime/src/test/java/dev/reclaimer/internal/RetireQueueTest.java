package dev.reclaimer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
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

    @Test
    void appendAndDrain_backlogFarAboveMinimumPool_allocatesNothingInSteadyState() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        RetireQueue queue = new RetireQueue();
        Runnable release = () -> {};
        int batch = RetireQueue.CHUNK_CAPACITY * RetireQueue.MIN_CHUNKS_KEPT * 4;
        for (int round = 0; round < 20; round++) {
            cycle(queue, release, batch);
        }
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        for (int round = 0; round < 20; round++) {
            cycle(queue, release, batch);
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - before;

        assertTrue(
                allocated < 1_024,
                "allocated " + allocated + " bytes for 20 batches of " + batch + " retires");
        assertTrue(queue.chunkCountForTests() <= RetireQueue.MIN_CHUNKS_KEPT * 4 + 2);
    }

    @Test
    void pendingEstimate_chunksFilledThenDrained_followsTheBacklogByWholeChunks() {
        AtomicLong estimate = new AtomicLong();
        RetireQueue queue = new RetireQueue(estimate);
        for (int i = 0; i < RetireQueue.CHUNK_CAPACITY * 3 + 7; i++) {
            queue.append(recording(i), null, ReleaseMethods.DEFER_SITE, 1);
        }
        assertEquals(RetireQueue.CHUNK_CAPACITY * 3L, estimate.get());

        assertTrue(queue.tryClaim());
        queue.drainClaimed(3, RetireQueue.CHUNK_CAPACITY * 2 + 1, runner, drainer);
        assertEquals(RetireQueue.CHUNK_CAPACITY, estimate.get());
        queue.drainClaimed(3, Integer.MAX_VALUE, runner, drainer);
        queue.unclaim();
        assertEquals(0, estimate.get());
    }

    @Test
    void drainClaimed_readyRunEndsInsideAChunk_stopsAtFirstEntryNotReady() {
        RetireQueue queue = new RetireQueue();
        for (int i = 0; i < 10; i++) {
            queue.append(recording(i), null, ReleaseMethods.DEFER_SITE, i < 6 ? 4 : 5);
        }
        assertTrue(queue.tryClaim());

        assertEquals(6, queue.drainClaimed(6, 100, runner, drainer));
        assertEquals(4, queue.pendingAcquire());
        assertEquals(4, queue.drainClaimed(7, 100, runner, drainer));
        queue.unclaim();
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), ran);
    }

    private void cycle(RetireQueue queue, Runnable release) {
        cycle(queue, release, 4_096);
    }

    private void cycle(RetireQueue queue, Runnable release, int batch) {
        for (int i = 0; i < batch; i++) {
            queue.append(release, null, ReleaseMethods.DEFER_SITE, 1);
        }
        queue.tryClaim();
        queue.drainClaimed(3, Integer.MAX_VALUE, runner, drainer);
        queue.unclaim();
    }
}
