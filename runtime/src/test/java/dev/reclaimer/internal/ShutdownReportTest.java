package dev.reclaimer.internal;

import static dev.reclaimer.internal.TestEngines.start;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reclaimer.ReadSection;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@SuppressWarnings("try") // sections are opened for their effect, not referenced
class ShutdownReportTest {

    @Test
    void shutdown_pendingReleases_runAfterFinalGracePeriodThenRetiresRunInline() {
        Engine engine = Engine.create(TestEngines.safepointsOnly());
        TrackedResource pending = new TrackedResource(engine, "pending");
        pending.release();
        assertFalse(pending.released);

        engine.shutdown();
        assertTrue(pending.released);
        assertEquals(0, engine.stats().pending());
        TrackedResource late = new TrackedResource(engine, "late");
        late.release();
        assertTrue(late.released, "a retire after shutdown runs inline");
        assertEquals(1, engine.stats().retired());
    }

    @Test
    void shutdown_readerStuckInSection_logsBySiteWhatCouldNotRun() throws Exception {
        Settings base = TestEngines.safepointsOnly();
        Engine engine =
                Engine.create(
                        new Settings(
                                base.drainMaxReleases(),
                                base.drainTimeBudget(),
                                base.fallbackDelay(),
                                base.backlogBound(),
                                base.backlogPolicy(),
                                base.stallTimeout(),
                                Duration.ofMillis(200),
                                base.failureLogInterval()));
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch leave = new CountDownLatch(1);
        Thread stuck =
                start(
                        "stuck-at-exit",
                        () -> {
                            try (ReadSection section = engine.openSection()) {
                                entered.countDown();
                                leave.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        });
        entered.await();
        for (int i = 0; i < 3; i++) {
            new TrackedResource(engine, "r" + i).release();
        }
        engine.defer(new NamedRelease());
        engine.defer(new NamedRelease());

        try (LogCapture log = new LogCapture()) {
            engine.shutdown();
            String text = log.text();
            assertTrue(
                    text.contains(
                            "Could not run 3 pending releases of "
                                    + TrackedResource.class.getName()
                                    + "#release"),
                    text);
            assertTrue(
                    text.contains(
                            "Could not run 2 pending releases of deferred "
                                    + NamedRelease.class.getName()),
                    text);
            assertTrue(text.contains("held up by reader thread stuck-at-exit"), text);
        }
        assertEquals(5, engine.stats().pending());
        leave.countDown();
        stuck.join();
    }

    @Test
    void shutdown_withRetireStacks_listsByClassAndSiteWithFirstStacksOfEach() throws Exception {
        Engine engine =
                Engine.create(shortShutdown(), new Diagnostics(false, true, Duration.ZERO, false));
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch leave = new CountDownLatch(1);
        Thread stuck = start("stuck-reader", () -> holdSection(engine, entered, leave));
        entered.await();
        for (int i = 0; i < 5; i++) {
            new LeakyResource(engine).release();
        }
        new TrackedResource(engine, "plain").release();

        try (LogCapture log = new LogCapture()) {
            engine.shutdown();
            String text = log.text();
            String site = TrackedResource.class.getName() + "#release";
            assertTrue(
                    text.contains(
                            "Could not run 5 pending releases of "
                                    + site
                                    + " on "
                                    + LeakyResource.class.getName()),
                    text);
            assertTrue(
                    text.contains(
                            "Could not run 1 pending releases of "
                                    + site
                                    + " on "
                                    + TrackedResource.class.getName()),
                    text);
            assertEquals(
                    ShutdownReport.STACKS_PER_GROUP + 1, countOf(text, "was retired here"), text);
            assertTrue(text.contains("(3 of 5) was retired here"), "stacks are numbered: " + text);
            assertTrue(
                    text.contains(
                            "shutdown_withRetireStacks_listsByClassAndSiteWithFirstStacksOfEach"),
                    "the retire stack names the retiring method: " + text);
        }
        leave.countDown();
        stuck.join();
    }

    @Test
    void shutdown_withoutRetireStacks_logsNoStacks() throws Exception {
        Engine engine = Engine.create(shortShutdown());
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch leave = new CountDownLatch(1);
        Thread stuck = start("stuck-reader", () -> holdSection(engine, entered, leave));
        entered.await();
        new LeakyResource(engine).release();

        try (LogCapture log = new LogCapture()) {
            engine.shutdown();
            String text = log.text();
            assertTrue(text.contains("Could not run 1 pending releases of "), text);
            assertEquals(0, countOf(text, "was retired here"), text);
        }
        leave.countDown();
        stuck.join();
    }

    private static Settings shortShutdown() {
        Settings base = TestEngines.safepointsOnly();
        return new Settings(
                base.drainMaxReleases(),
                base.drainTimeBudget(),
                base.fallbackDelay(),
                base.backlogBound(),
                base.backlogPolicy(),
                base.stallTimeout(),
                Duration.ofMillis(200),
                base.failureLogInterval());
    }

    private static void holdSection(Engine engine, CountDownLatch entered, CountDownLatch leave) {
        try (ReadSection section = engine.openSection()) {
            entered.countDown();
            leave.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int countOf(String text, String fragment) {
        int count = 0;
        for (int at = text.indexOf(fragment); at >= 0; at = text.indexOf(fragment, at + 1)) {
            count++;
        }
        return count;
    }

    /** A subclass whose objects are released through the base class's release site. */
    static final class LeakyResource extends TrackedResource {
        LeakyResource(Engine engine) {
            super(engine, "leaky");
        }
    }

    @Test
    void shutdownHook_childJvmExits_runsPendingReleaseAtExit() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child =
                new ProcessBuilder(
                                List.of(
                                        java.toString(),
                                        "-cp",
                                        System.getProperty("java.class.path"),
                                        ExitingApplication.class.getName()))
                        .redirectErrorStream(true)
                        .start();
        String output = readAll(child.getInputStream());
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child JVM exited");

        assertEquals(0, child.exitValue(), output);
        assertTrue(output.contains("main returned"), output);
        assertTrue(output.contains("released at exit"), output);
        assertTrue(output.indexOf("main returned") < output.indexOf("released at exit"), output);
    }

    private static String readAll(InputStream in) throws java.io.IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** A deferred release with a readable class name. */
    static final class NamedRelease implements Runnable {
        @Override
        public void run() {}
    }

    /** A child JVM's main: defers a release nothing drains before exit. */
    static final class ExitingApplication {
        public static void main(String[] args) {
            Engine.configure(
                    TestEngines.settings(
                            Duration.ofHours(1),
                            Duration.ofHours(1),
                            1_000_000,
                            BacklogPolicy.WARN));
            dev.reclaimer.Reclaimer.defer(() -> System.out.println("released at exit"));
            System.out.println("main returned");
        }
    }
}
