package dev.reclaimer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reclaimer.ReadSection;
import dev.reclaimer.ReclaimerStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.Test;

/**
 * A grace-period torture test in the spirit of rcutorture: readers and main loops look objects up
 * while updaters unpublish and retire them, and short-lived threads come and go. A reader that ever
 * sees a released object, a release that runs twice, or a retire that never runs fails it. Runs
 * {@code reclaimer.torture.seconds} seconds (30 by default).
 */
@SuppressWarnings("try") // sections are opened for their effect, not referenced
class GracePeriodTortureTest {

    private static final int SLOTS = 64;
    private static final int MAX_PENDING = 200_000;

    private final Engine engine =
            Engine.create(
                    new Settings(
                            256,
                            Duration.ofMillis(1),
                            Duration.ofMillis(5),
                            10_000_000,
                            BacklogPolicy.WARN,
                            Duration.ofMinutes(5),
                            Duration.ofSeconds(10),
                            Duration.ofMinutes(5)));
    private final AtomicReferenceArray<Node> published = new AtomicReferenceArray<>(SLOTS);
    private final AtomicLong retired = new AtomicLong();
    private final AtomicLong releasedOnce = new AtomicLong();
    private final AtomicLong thrown = new AtomicLong();
    private final AtomicLong doubleReleases = new AtomicLong();
    private final AtomicLong useAfterRelease = new AtomicLong();
    private final AtomicLong lookups = new AtomicLong();
    private volatile boolean running = true;

    @Test
    void torture_readersLoopsUpdatersAndShortLivedThreads_noUseAfterReleaseAndExactlyOnce()
            throws Exception {
        long seconds = Long.getLong("reclaimer.torture.seconds", 30);
        for (int i = 0; i < SLOTS; i++) {
            published.set(i, new Node());
        }
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            threads.add(TestEngines.start("torture-reader-" + i, this::readLoop));
            threads.add(TestEngines.start("torture-main-loop-" + i, this::mainLoop));
            threads.add(TestEngines.start("torture-updater-" + i, this::updateLoop));
        }
        threads.add(TestEngines.start("torture-churn", this::churnLoop));

        Thread.sleep(Duration.ofSeconds(seconds).toMillis());
        running = false;
        for (Thread thread : threads) {
            thread.join();
        }
        retireEverythingStillPublished();
        engine.barrier();
        ReclaimerStats stats = engine.stats();
        engine.shutdown();

        assertEquals(0, useAfterRelease.get(), "readers saw released objects");
        assertEquals(0, doubleReleases.get(), "releases ran twice");
        assertEquals(retired.get(), releasedOnce.get(), "retires that never ran");
        assertEquals(retired.get(), stats.retired());
        assertEquals(retired.get() - thrown.get(), stats.released());
        assertEquals(thrown.get(), stats.failed());
        assertEquals(0, stats.pending());
        assertTrue(lookups.get() > 10_000, "too few lookups to mean anything: " + lookups);
        assertTrue(retired.get() > 10_000, "too few retires to mean anything: " + retired);
    }

    private void readLoop() {
        while (running) {
            try (ReadSection section = engine.openSection()) {
                lookUpSome();
            }
        }
    }

    private void mainLoop() {
        while (running) {
            Object token = engine.enterSafepoint();
            try {
                lookUpSome();
            } finally {
                engine.exitSafepoint(token);
            }
        }
    }

    private void lookUpSome() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 8; i++) {
            Node node = published.get(random.nextInt(SLOTS));
            node.use();
            for (int spin = random.nextInt(64); spin > 0; spin--) {
                Thread.onSpinWait();
            }
            node.use();
            lookups.incrementAndGet();
        }
    }

    private void updateLoop() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (running) {
            replace(random.nextInt(SLOTS), random.nextInt(4) == 0);
            if (random.nextInt(50_000) == 0) {
                synchronizeQuietly();
            }
            while (running && engine.stats().pending() > MAX_PENDING) {
                Thread.yield();
            }
        }
    }

    private void churnLoop() {
        while (running) {
            Thread shortLived =
                    TestEngines.start(
                            "torture-short-lived",
                            () -> {
                                for (int i = 0; i < 100; i++) {
                                    try (ReadSection section = engine.openSection()) {
                                        lookUpSome();
                                    }
                                    replace(ThreadLocalRandom.current().nextInt(SLOTS), false);
                                }
                            });
            try {
                shortLived.join();
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void replace(int slot, boolean viaDefer) {
        Node old = published.getAndSet(slot, new Node());
        retired.incrementAndGet();
        if (viaDefer) {
            engine.defer(old::releaseBody);
        } else {
            old.release();
        }
    }

    private void retireEverythingStillPublished() {
        for (int i = 0; i < SLOTS; i++) {
            replace(i, false);
        }
    }

    private void synchronizeQuietly() {
        try {
            engine.synchronize();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A shared object that knows whether it was released and counts how often. */
    final class Node {
        private final AtomicInteger releases = new AtomicInteger();
        private volatile boolean released;

        void use() {
            if (released) {
                useAfterRelease.incrementAndGet();
            }
        }

        void release() {
            if (engine.retire(this, null, NodeSite.ID, Node.class)) {
                return;
            }
            releaseBody();
        }

        void releaseBody() {
            released = true;
            int count = releases.incrementAndGet();
            if (count == 1) {
                releasedOnce.incrementAndGet();
            } else {
                doubleReleases.incrementAndGet();
            }
            if (ThreadLocalRandom.current().nextInt(1_000) == 0) {
                thrown.incrementAndGet();
                throw new IllegalStateException("simulated failing release");
            }
        }
    }

    /** The release site of {@link Node#release()}. */
    static final class NodeSite {
        static final int ID = ReleaseSites.register(Node.class.getName(), "release", "()V");
    }
}
