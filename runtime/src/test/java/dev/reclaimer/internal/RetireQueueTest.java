package dev.reclaimer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
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
    void drainClaimed_sitesChangingWithinAndAcrossChunks_runEachEntryThroughItsOwnSite() {
        ReleaseMethods methods = new ReleaseMethods();
        ReleaseRunner sitesRunner = new ReleaseRunner(methods, new FailureLog(Duration.ZERO));
        int[] siteOf = new int[SiteResource.METHODS];
        for (int k = 0; k < SiteResource.METHODS; k++) {
            siteOf[k] = ReleaseSites.register(SiteResource.class.getName(), "release" + k, "()V");
            methods.invokerFor(siteOf[k], SiteResource.class);
        }
        RetireQueue queue = new RetireQueue();
        for (int round = 0; round < 3; round++) {
            // Each round reuses the chunks the previous one left, with a different run pattern.
            int count = RetireQueue.CHUNK_CAPACITY * 2 + 100;
            List<String> expected = new ArrayList<>();
            List<Object> receivers = new ArrayList<>();
            List<Integer> sites = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                SiteResource receiver = new SiteResource(i, ran);
                int k = (i / (round + 1 + (i % 7 == 0 ? 0 : 3))) % SiteResource.METHODS;
                receivers.add(receiver);
                sites.add(siteOf[k]);
                expected.add(i + ":" + k);
                queue.append(receiver, null, siteOf[k], 1 + i / 300);
            }
            List<Object> seenReceivers = new ArrayList<>();
            List<Integer> seenSites = new ArrayList<>();
            assertTrue(queue.tryClaim());
            queue.forEachPendingClaimed(
                    (receiver, site, origin) -> {
                        seenReceivers.add(receiver);
                        seenSites.add(site);
                    });
            assertEquals(1, queue.oldestEpochClaimed());
            ran.clear();
            assertEquals(
                    count, queue.drainClaimed(Long.MAX_VALUE / 2, count, sitesRunner, drainer));
            queue.unclaim();
            assertEquals(receivers, seenReceivers);
            assertEquals(sites, seenSites);
            assertEquals(expected, ran);
        }
    }

    @Test
    void drainClaimed_tagsRisingWithinAndAcrossChunks_runsExactlyTheReadyPrefix() {
        RetireQueue queue = new RetireQueue();
        for (int round = 0; round < 2; round++) {
            ran.clear();
            int count = RetireQueue.CHUNK_CAPACITY * 3;
            int perTag = 97 + 200 * round;
            for (int i = 0; i < count; i++) {
                queue.append(recording(i), null, ReleaseMethods.DEFER_SITE, 10 + i / perTag);
            }
            assertTrue(queue.tryClaim());
            int done = 0;
            for (long epoch = 11; done < count; epoch++) {
                int readyCount = (int) Math.min(count, (epoch - 10 - 1) * perTag);
                done += queue.drainClaimed(epoch, Integer.MAX_VALUE, runner, drainer);
                assertEquals(Math.max(0, readyCount), done, "released at epoch " + epoch);
                if (done < count) {
                    assertEquals(10 + done / perTag, queue.oldestEpochClaimed());
                }
            }
            queue.unclaim();
            for (int i = 0; i < count; i++) {
                assertEquals(i, ran.get(i));
            }
        }
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

    /** A receiver with several release methods, each recording which one ran. */
    static final class SiteResource {
        static final int METHODS = 5;

        private final int id;
        private final List<Object> log;

        SiteResource(int id, List<Object> log) {
            this.id = id;
            this.log = log;
        }

        void release0() {
            log.add(id + ":0");
        }

        void release1() {
            log.add(id + ":1");
        }

        void release2() {
            log.add(id + ":2");
        }

        void release3() {
            log.add(id + ":3");
        }

        void release4() {
            log.add(id + ":4");
        }
    }
}
