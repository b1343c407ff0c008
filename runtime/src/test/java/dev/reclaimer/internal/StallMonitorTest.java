package dev.reclaimer.internal;

import static dev.reclaimer.internal.TestEngines.awaitTrue;
import static dev.reclaimer.internal.TestEngines.start;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reclaimer.ReadSection;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@SuppressWarnings("try") // sections are opened for their effect, not referenced
class StallMonitorTest {

    private static final String STALL = "has stayed inside one read section";

    private final Engine engine =
            Engine.create(
                    TestEngines.settings(
                            Duration.ofMillis(10),
                            Duration.ofMillis(100),
                            1_000_000,
                            BacklogPolicy.WARN));
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void shutDown() {
        release.countDown();
        engine.shutdown();
    }

    @Test
    void scan_readerStuckInSection_reportedOnceWithNameAndStack() throws Exception {
        try (LogCapture log = new LogCapture()) {
            CountDownLatch entered = new CountDownLatch(1);
            Thread stuck = start("stuck-reader", () -> holdSectionOpen(entered));
            entered.await();
            new TrackedResource(engine, "held").release();

            awaitTrue(() -> log.count(STALL) > 0, "the stall was reported");
            Thread.sleep(500);
            assertEquals(1, log.count(STALL), log.text());
            assertTrue(log.text().contains("Reader thread stuck-reader"), log.text());
            assertTrue(log.text().contains("StallMonitorTest.holdSectionOpen"), log.text());
            release.countDown();
            stuck.join();
        }
    }

    @Test
    void scan_idleLoopAndThreadThatDiedInSection_reportNothing() throws Exception {
        try (LogCapture log = new LogCapture()) {
            CountDownLatch iterated = new CountDownLatch(1);
            Thread idleLoop =
                    start(
                            "idle-loop",
                            () -> {
                                engine.exitSafepoint(engine.enterSafepoint());
                                iterated.countDown();
                                awaitQuietly(release);
                            });
            Thread dead = start("died-in-section", engine::openSection);
            dead.join();
            iterated.await();
            TrackedResource resource = new TrackedResource(engine, "r");
            resource.release();

            awaitTrue(() -> resource.released, "the release ran despite the idle and dead threads");
            Thread.sleep(500);
            assertFalse(log.text().contains(STALL), log.text());
            release.countDown();
            idleLoop.join();
        }
    }

    private void holdSectionOpen(CountDownLatch entered) {
        try (ReadSection section = engine.openSection()) {
            entered.countDown();
            awaitQuietly(release);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
