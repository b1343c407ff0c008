package dev.reclaimer.internal;

import static dev.reclaimer.internal.TestEngines.awaitTrue;
import static dev.reclaimer.internal.TestEngines.start;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reclaimer.ReadSection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SuppressWarnings("try") // sections are opened for their effect, not referenced
class FlightEventsTest {

    @TempDir Path directory;

    @Test
    void recording_engineAtWork_recordsGracePeriodsDrainsStallsAndFailures() throws Exception {
        Path file = directory.resolve("reclaimer.jfr");
        int site = SectionSites.register("com.example.Loop", "iterate", "()V");
        Engine engine =
                Engine.create(
                        TestEngines.settings(
                                Duration.ofMinutes(1),
                                Duration.ofMillis(50),
                                1_000_000,
                                BacklogPolicy.WARN));
        try (Recording recording = new Recording()) {
            for (String event : List.of("GracePeriod", "Drain", "Stall", "ReleaseFailed")) {
                recording.enable("dev.reclaimer." + event);
            }
            recording.start();
            stallOnce(engine, site);
            failOnceAtSafepoint(engine);
            recording.stop();
            recording.dump(file);
        } finally {
            engine.shutdown();
        }

        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        RecordedEvent gracePeriod = first(events, "dev.reclaimer.GracePeriod");
        assertFalse(gracePeriod.getDuration("gracePeriodDuration").isNegative());
        RecordedEvent drain = first(events, "dev.reclaimer.Drain");
        assertEquals("safepoint", drain.getString("place"));
        assertEquals(1, drain.getInt("releases"));
        RecordedEvent failure = first(events, "dev.reclaimer.ReleaseFailed");
        assertEquals(TrackedResource.class.getName() + "#release", failure.getString("site"));
        assertEquals(IllegalStateException.class.getName(), failure.getString("exceptionClass"));
        assertEquals("deliberate failure", failure.getString("exceptionMessage"));
        List<RecordedEvent> stalls = all(events, "dev.reclaimer.Stall");
        assertTrue(stalls.size() >= 2, "a report and the end: " + stalls);
        RecordedEvent end = stalls.get(stalls.size() - 1);
        assertTrue(end.getBoolean("ended"));
        assertEquals("stalled-reader", end.getString("readerThread"));
        assertEquals("com.example.Loop#iterate", end.getString("section"));
        assertTrue(end.getDuration("stallDuration").toMillis() >= 50);
    }

    private static void stallOnce(Engine engine, int site) throws InterruptedException {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch leave = new CountDownLatch(1);
        Thread reader =
                start(
                        "stalled-reader",
                        () -> {
                            try (ReadSection section = engine.openSection(site)) {
                                entered.countDown();
                                leave.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        });
        entered.await();
        try (LogCapture log = new LogCapture()) {
            awaitTrue(() -> log.count("Reader thread stalled-reader has") > 0, "a stall report");
            leave.countDown();
            reader.join();
            awaitTrue(() -> log.count("Reader thread stalled-reader left") > 0, "the stall end");
        }
    }

    private static void failOnceAtSafepoint(Engine engine) {
        TrackedResource resource = new TrackedResource(engine, "failing");
        resource.duringRelease =
                () -> {
                    throw new IllegalStateException("deliberate failure");
                };
        resource.release();
        while (engine.stats().failed() == 0) {
            engine.exitSafepoint(engine.enterSafepoint());
        }
    }

    private static RecordedEvent first(List<RecordedEvent> events, String type) {
        List<RecordedEvent> matching = all(events, type);
        assertFalse(matching.isEmpty(), "no " + type + " among " + names(events));
        return matching.get(0);
    }

    private static List<RecordedEvent> all(List<RecordedEvent> events, String type) {
        return events.stream()
                .filter(event -> event.getEventType().getName().equals(type))
                .collect(Collectors.toList());
    }

    private static String names(List<RecordedEvent> events) {
        return events.stream()
                .map(event -> event.getEventType().getName())
                .distinct()
                .collect(Collectors.joining(", "));
    }
}
