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
    private static final String REPEAT = "has still stayed inside one read section";

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
    void scan_readerStuckInSection_firstReportOnceWithNameAndStack() throws Exception {
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

    @Test
    void scan_readerStuckInRegisteredSection_warnsWithSectionRepeatsAtDoubledLengthThenInfo()
            throws Exception {
        int site = SectionSites.register("com.example.Loop", "iterate", "()V");
        try (LogCapture log = new LogCapture()) {
            CountDownLatch entered = new CountDownLatch(1);
            Thread stuck = start("loop-reader", () -> holdSiteOpen(site, entered));
            entered.await();

            awaitTrue(() -> log.count(REPEAT) > 0, "the stall was reported again");
            String text = log.text();
            assertTrue(text.contains("Reader thread loop-reader has stayed"), text);
            assertTrue(text.contains("section: com.example.Loop#iterate"), text);
            assertTrue(text.contains("StallMonitorTest.holdSiteOpen"), text);
            long first = reportedMillis(text, "loop-reader has stayed");
            long repeat = reportedMillis(text, "loop-reader has still stayed");
            assertTrue(first >= 100, text);
            assertTrue(repeat >= 2 * first, "repeated once the stall had doubled: " + text);
            assertEquals(0, log.count("left com.example.Loop#iterate"), text);

            release.countDown();
            stuck.join();
            awaitTrue(
                    () -> log.count("Reader thread loop-reader left com.example.Loop#iterate") == 1,
                    "the end of the stall was reported");
        }
    }

    @Test
    void sectionName_unknownSite_namesReadCallAndOutermostApplicationFrame() {
        ThreadRecord record = new ThreadRecord(Thread.currentThread());
        StackTraceElement[] stack = {
            new StackTraceElement("java.lang.Thread", "sleep", "Thread.java", 1),
            new StackTraceElement("com.example.Cache", "lookup", "Cache.java", 20),
            new StackTraceElement("com.example.Worker", "run", "Worker.java", 30),
            new StackTraceElement("dev.reclaimer.internal.Engine", "openSection", "Engine.java", 5),
            new StackTraceElement("java.lang.Thread", "run", "Thread.java", 2),
        };

        assertEquals(
                "a Reclaimer.read() section in com.example.Worker.run(Worker.java:30)",
                StallMonitor.sectionName(record, stack));
        assertEquals("a Reclaimer.read() section", StallMonitor.sectionName(record, null));
    }

    private static long reportedMillis(String log, String fragment) {
        int at = log.indexOf(fragment);
        String rest = log.substring(log.indexOf(" for ", at) + 5);
        return Long.parseLong(rest.substring(0, rest.indexOf(' ')));
    }

    private void holdSiteOpen(int site, CountDownLatch entered) {
        try (ReadSection section = engine.openSection(site)) {
            entered.countDown();
            awaitQuietly(release);
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
