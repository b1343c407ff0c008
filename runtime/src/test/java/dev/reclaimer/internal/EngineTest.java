package dev.reclaimer.internal;

import static dev.reclaimer.internal.TestEngines.awaitTrue;
import static dev.reclaimer.internal.TestEngines.start;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reclaimer.ReadSection;
import dev.reclaimer.ReclaimerStats;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@SuppressWarnings("try") // sections are opened for their effect, not referenced
class EngineTest {

    private final List<Engine> engines = new ArrayList<>();

    private Engine engine(Settings settings) {
        Engine engine = Engine.create(settings);
        engines.add(engine);
        return engine;
    }

    @AfterEach
    void shutDownEngines() {
        engines.forEach(Engine::shutdown);
    }

    @Test
    void backgroundTick_backlogMoreThanTwoSafepointPassesCanRun_drainsItWithoutWaitingForIdle() {
        Settings settings = TestEngines.safepointsOnly();
        Engine engine = engine(settings);
        AtomicInteger ran = new AtomicInteger();
        int backlog = 2 * settings.drainMaxReleases() + 1;
        for (int i = 0; i < backlog; i++) {
            engine.defer(ran::incrementAndGet);
        }
        Object token = engine.enterSafepoint();
        engine.exitSafepoint(token);

        engine.backgroundTick();

        // The engine's own background thread may be the one that runs them.
        awaitTrue(() -> ran.get() == backlog, "the background drainer ran the backlog");
    }

    @Test
    void retire_readerStillInSection_releaseWaitsUntilSectionCloses() throws Exception {
        Engine engine = engine(TestEngines.quickFallback());
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch leave = new CountDownLatch(1);
        Thread reader =
                start(
                        "reader",
                        () -> {
                            try (ReadSection section = engine.openSection()) {
                                entered.countDown();
                                leave.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        });
        entered.await();
        TrackedResource resource = new TrackedResource(engine, "r");
        resource.release();

        for (int i = 0; i < 50; i++) {
            engine.backgroundTick();
        }
        Thread.sleep(50);
        assertFalse(resource.released, "released while a reader that could hold it was inside");

        leave.countDown();
        reader.join();
        engine.barrier();
        assertEquals(1, resource.releases.get());
    }

    @Test
    void retire_manyObjectsFromSeveralThreads_eachReleasedExactlyOnce() throws Exception {
        Engine engine = engine(TestEngines.quickFallback());
        List<TrackedResource> resources = new CopyOnWriteArrayList<>();
        List<Thread> retirers = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            retirers.add(
                    start(
                            "retirer-" + t,
                            () -> {
                                for (int i = 0; i < 3_000; i++) {
                                    TrackedResource resource = new TrackedResource(engine, "x");
                                    resources.add(resource);
                                    resource.release();
                                }
                            }));
        }
        for (Thread retirer : retirers) {
            retirer.join();
        }
        engine.barrier();

        for (TrackedResource resource : resources) {
            assertEquals(1, resource.releases.get());
        }
        ReclaimerStats stats = engine.stats();
        assertEquals(9_000, stats.retired());
        assertEquals(9_000, stats.released());
        assertEquals(0, stats.pending());
    }

    @Test
    void drain_oneRetiringThread_runsReleasesInRetireOrder() throws Exception {
        Engine engine = engine(TestEngines.quickFallback());
        List<String> events = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            new TrackedResource(engine, Integer.toString(i), events).release();
        }
        engine.barrier();

        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            expected.add("release " + i);
        }
        assertEquals(expected, events);
    }

    @Test
    void drain_mainLoopReachesSafepoint_runsReleaseOnTheMainLoopThread() throws Exception {
        Engine engine = engine(TestEngines.safepointsOnly());
        Thread loop = start("main-loop", () -> TestEngines.runMainLoop(engine));
        TrackedResource resource = new TrackedResource(engine, "r");
        resource.release();

        awaitTrue(() -> resource.released, "the main loop ran the release");
        assertSame(loop, resource.releasedOn);
        loop.interrupt();
        loop.join();
    }

    @Test
    void drain_noSafepointWithinFallbackDelay_backgroundDrainerRunsRelease() {
        Engine engine = engine(TestEngines.quickFallback());
        TrackedResource resource = new TrackedResource(engine, "r");
        resource.release();

        awaitTrue(() -> resource.released, "the background drainer ran the release");
        assertSame(engine.backgroundThread(), resource.releasedOn);
    }

    @Test
    void drain_safepointBudget_runsAtMostTheConfiguredCountPerSafepoint() {
        Engine engine = engine(safepointsRunningAtMostTen());
        for (int i = 0; i < 20; i++) {
            new TrackedResource(engine, "r").release();
        }

        assertEquals(List.of(0L, 10L, 10L, 0L), releasedPerSafepoint(engine, 4));
    }

    @Test
    void drain_loopMoreThanTwoPassesBehind_catchesUpAtTwiceTheCount() {
        Engine engine = engine(safepointsRunningAtMostTen());
        for (int i = 0; i < 45; i++) {
            new TrackedResource(engine, "r").release();
        }

        // 45 and 25 pending are more than two passes of 10; 5 is not.
        assertEquals(List.of(0L, 20L, 20L, 5L, 0L), releasedPerSafepoint(engine, 5));
    }

    /** Safepoint-only settings with a cap of 10 releases and a time budget that never cuts in. */
    private static Settings safepointsRunningAtMostTen() {
        Settings base = TestEngines.safepointsOnly();
        return new Settings(
                10,
                base.drainTimeBudget().multipliedBy(1000),
                base.fallbackDelay(),
                base.backlogBound(),
                base.backlogPolicy(),
                base.stallTimeout(),
                base.shutdownTimeout(),
                base.failureLogInterval());
    }

    private static List<Long> releasedPerSafepoint(Engine engine, int safepoints) {
        List<Long> released = new ArrayList<>();
        long before = engine.stats().released();
        for (int i = 0; i < safepoints; i++) {
            engine.exitSafepoint(engine.enterSafepoint());
            long now = engine.stats().released();
            released.add(now - before);
            before = now;
        }
        return released;
    }

    @Test
    void release_retiringThreadWroteState_bodySeesIt() throws Exception {
        Engine engine = engine(TestEngines.quickFallback());
        int[] plainState = new int[1];
        AtomicReference<Integer> seen = new AtomicReference<>();
        Thread retirer =
                start(
                        "retirer",
                        () -> {
                            plainState[0] = 42;
                            engine.defer(() -> seen.set(plainState[0]));
                        });
        retirer.join();
        engine.barrier();

        assertEquals(42, seen.get());
    }

    @Test
    void release_withArguments_bodyGetsTheArguments() throws Exception {
        Engine engine = engine(TestEngines.quickFallback());
        TrackedResource resource = new TrackedResource(engine, "r");
        resource.close(7, "done");
        assertFalse(resource.released);

        engine.barrier();
        assertEquals(List.of("close r 7 done"), resource.events);
    }

    @Test
    void release_bodyThrows_countedLoggedOnceWithStackAndDrainingGoesOn() throws Exception {
        Engine engine = engine(TestEngines.quickFallback());
        try (LogCapture log = new LogCapture()) {
            TrackedResource first = new TrackedResource(engine, "first");
            first.duringRelease =
                    () -> {
                        throw new IllegalStateException("native handle already gone");
                    };
            TrackedResource second = new TrackedResource(engine, "second");
            second.duringRelease = first.duringRelease;
            TrackedResource healthy = new TrackedResource(engine, "healthy");
            first.release();
            second.release();
            healthy.release();
            engine.barrier();

            assertTrue(healthy.released);
            ReclaimerStats stats = engine.stats();
            assertEquals(2, stats.failed());
            assertEquals(1, stats.released());
            assertEquals(0, stats.pending());
            assertEquals(
                    1, log.count("Release " + TrackedResource.class.getName() + "#release failed"));
            assertEquals(1, log.count("native handle already gone"), log.text());
            assertTrue(log.text().contains("at dev.reclaimer.internal.EngineTest"), log.text());
        }
    }

    @Test
    void release_subclassBodyCallsSuper_superBodyRunsInlineInTheSameRelease() throws Exception {
        Engine engine = engine(TestEngines.quickFallback());
        List<String> events = new CopyOnWriteArrayList<>();
        ChildResource child = new ChildResource(engine, "c", events);
        child.release();
        assertTrue(events.isEmpty());

        engine.barrier();
        assertEquals(List.of("child body c", "release c"), events);
        assertEquals(1, engine.stats().retired());
        assertEquals(1, engine.stats().released());
    }

    @Test
    void release_bodyReleasesAnotherObject_otherIsRetiredNotRunInline() throws Exception {
        Engine engine = engine(TestEngines.quickFallback());
        List<String> events = new CopyOnWriteArrayList<>();
        TrackedResource inner = new TrackedResource(engine, "inner", events);
        TrackedResource outer = new TrackedResource(engine, "outer", events);
        AtomicReference<Boolean> innerRanInline = new AtomicReference<>();
        outer.duringRelease =
                () -> {
                    inner.release();
                    innerRanInline.set(inner.released);
                };
        outer.release();
        engine.barrier();
        engine.barrier();

        assertEquals(Boolean.FALSE, innerRanInline.get());
        assertEquals(List.of("release outer", "release inner"), events);
        assertEquals(2, engine.stats().retired());
    }

    @Test
    void synchronize_mainLoopIdleBetweenIterations_doesNotHoldUpGracePeriods() throws Exception {
        Engine engine = engine(TestEngines.safepointsOnly());
        CountDownLatch iterated = new CountDownLatch(1);
        CountDownLatch stop = new CountDownLatch(1);
        Thread idleLoop =
                start(
                        "idle-loop",
                        () -> {
                            engine.exitSafepoint(engine.enterSafepoint());
                            iterated.countDown();
                            try {
                                stop.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        });
        iterated.await();
        long before = engine.stats().gracePeriods();

        engine.synchronize();
        engine.synchronize();
        assertTrue(engine.stats().gracePeriods() >= before + 2);
        stop.countDown();
        idleLoop.join();
    }

    @Test
    void synchronize_threadDiedInsideSection_doesNotStall() throws Exception {
        Engine engine = engine(TestEngines.quickFallback());
        Thread dying =
                start(
                        "dies-in-section",
                        () -> {
                            engine.openSection();
                            new TrackedResource(engine, "orphan").release();
                        });
        dying.join();
        TrackedResource resource = new TrackedResource(engine, "r");
        resource.release();

        engine.synchronize();
        engine.barrier();
        assertTrue(resource.released);
        assertEquals(0, engine.stats().pending());
        assertEquals(2, engine.stats().released());
    }

    @Test
    void purge_deadThreadRecord_removedAndItsCountersKept() throws Exception {
        Engine engine = engine(TestEngines.quickFallback());
        Thread retirer = start("short-lived", () -> new TrackedResource(engine, "r").release());
        retirer.join();
        engine.barrier();

        awaitTrue(() -> !registered(engine, retirer), "the dead thread's record was purged");
        ReclaimerStats stats = engine.stats();
        assertEquals(1, stats.retired());
        assertEquals(1, stats.released());
    }

    private static boolean registered(Engine engine, Thread thread) {
        ThreadRecord[] snapshot = engine.registryForTests().snapshotVolatile();
        for (int i = 0; ; i++) {
            ThreadRecord record = ThreadRegistry.at(snapshot, i);
            if (record == null) {
                return false;
            }
            if (record.thread == thread) {
                return true;
            }
        }
    }

    @Test
    void barrier_insideReadSection_throwsSayingWhy() {
        Engine engine = engine(TestEngines.quickFallback());
        try (ReadSection section = engine.openSection()) {
            IllegalStateException error =
                    assertThrows(IllegalStateException.class, engine::barrier);
            assertTrue(error.getMessage().contains("inside a read section"), error.getMessage());
        }
    }

    @Test
    void synchronize_insideReadSection_throwsSayingWhy() {
        Engine engine = engine(TestEngines.quickFallback());
        Object token = engine.enterSafepoint();
        try {
            IllegalStateException error =
                    assertThrows(IllegalStateException.class, engine::synchronize);
            assertTrue(error.getMessage().contains("could never return"), error.getMessage());
        } finally {
            engine.exitSafepoint(token);
        }
    }

    @Test
    void barrier_insideReleaseBody_throwsSayingWhy() throws Exception {
        Engine engine = engine(TestEngines.quickFallback());
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        engine.defer(
                () -> {
                    try {
                        engine.barrier();
                    } catch (Throwable e) {
                        thrown.set(e);
                    }
                });
        engine.barrier();

        assertTrue(thrown.get() instanceof IllegalStateException, String.valueOf(thrown.get()));
        assertTrue(thrown.get().getMessage().contains("inside a release body"));
    }

    @Test
    void close_sectionOnOtherThread_throws() throws Exception {
        Engine engine = engine(TestEngines.quickFallback());
        ReadSection section = engine.openSection();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread other =
                start(
                        "other",
                        () -> {
                            try {
                                section.close();
                            } catch (Throwable e) {
                                thrown.set(e);
                            }
                        });
        other.join();
        section.close();

        assertTrue(thrown.get() instanceof IllegalStateException);
        assertThrows(IllegalStateException.class, section::close);
    }

    @Test
    void stats_pendingRelease_reportsPendingAndItsAge() throws Exception {
        Engine engine = engine(TestEngines.safepointsOnly());
        new TrackedResource(engine, "r").release();
        Thread.sleep(20);

        ReclaimerStats stats = engine.stats();
        assertEquals(1, stats.retired());
        assertEquals(1, stats.pending());
        assertTrue(stats.oldestPendingAge().toMillis() >= 10, stats.toString());

        engine.barrier();
        ReclaimerStats after = engine.stats();
        assertEquals(0, after.pending());
        assertEquals(0, after.oldestPendingAge().toNanos());
        assertTrue(after.gracePeriods() >= 1);
    }

    @Test
    void backlog_aboveBoundWithWarnPolicy_logsTheBacklog() throws Exception {
        Engine engine =
                engine(
                        TestEngines.settings(
                                java.time.Duration.ofMinutes(1),
                                java.time.Duration.ofMinutes(1),
                                100,
                                BacklogPolicy.WARN));
        try (LogCapture log = new LogCapture()) {
            for (int i = 0; i <= RetireQueue.CHUNK_CAPACITY; i++) {
                engine.defer(() -> {});
            }
            assertEquals(1, log.count("above the bound of 100"), log.text());
        }
        assertEquals(RetireQueue.CHUNK_CAPACITY + 1, engine.stats().pending());
    }

    @Test
    void backlog_aboveBoundWithWaitPolicy_retiringThreadWaitsAndDrains() throws Exception {
        Engine engine =
                engine(
                        TestEngines.settings(
                                java.time.Duration.ofMinutes(1),
                                java.time.Duration.ofMinutes(1),
                                100,
                                BacklogPolicy.WAIT));
        List<Thread> ranOn = new CopyOnWriteArrayList<>();
        for (int i = 0; i <= RetireQueue.CHUNK_CAPACITY; i++) {
            engine.defer(() -> ranOn.add(Thread.currentThread()));
        }

        assertEquals(RetireQueue.CHUNK_CAPACITY + 1, ranOn.size());
        assertTrue(ranOn.stream().allMatch(t -> t == Thread.currentThread()));
        assertEquals(0, engine.stats().pending());
    }

    @Test
    void backlog_waitPolicyButRetiringThreadIsReader_warnsInsteadOfWaiting() {
        Engine engine =
                engine(
                        TestEngines.settings(
                                java.time.Duration.ofMinutes(1),
                                java.time.Duration.ofMinutes(1),
                                100,
                                BacklogPolicy.WAIT));
        try (LogCapture log = new LogCapture();
                ReadSection section = engine.openSection()) {
            for (int i = 0; i <= RetireQueue.CHUNK_CAPACITY; i++) {
                engine.defer(() -> {});
            }
            assertEquals(1, log.count("above the bound of 100"), log.text());
            assertEquals(RetireQueue.CHUNK_CAPACITY + 1, engine.stats().pending());
        }
    }

    @Test
    void backlog_aboveBoundFromThreadsThatNeverFillAChunk_backgroundTickWarns() throws Exception {
        Engine engine =
                engine(
                        TestEngines.settings(
                                java.time.Duration.ofMinutes(1),
                                java.time.Duration.ofMinutes(1),
                                100,
                                BacklogPolicy.WARN));
        try (LogCapture log = new LogCapture();
                ReadSection section = engine.openSection()) {
            for (int t = 0; t < 10; t++) {
                Thread retirer =
                        start(
                                "retirer-" + t,
                                () -> {
                                    for (int i = 0; i < 20; i++) {
                                        engine.defer(() -> {});
                                    }
                                });
                retirer.join();
            }
            awaitTrue(
                    () -> log.count("above the bound of 100") >= 1,
                    "the background drainer reported the backlog");
            assertEquals(200, engine.stats().pending());
        }
    }

    @Test
    void retire_unresolvableSite_returnsFalseSoBodyRunsInline() {
        Engine engine = engine(TestEngines.quickFallback());
        int site = ReleaseSites.register(EngineTest.class.getName(), "noSuchMethod", "()V");
        try (LogCapture log = new LogCapture()) {
            assertFalse(engine.retire(this, null, site, EngineTest.class));
            assertFalse(engine.retire(this, null, site, EngineTest.class));
            assertEquals(1, log.count("Cannot defer release"), log.text());
        }
        assertEquals(0, engine.stats().retired());
    }

    @Test
    void configure_afterGlobalEngineExists_isIgnored() {
        Engine.global();
        try (LogCapture log = new LogCapture()) {
            assertFalse(Engine.configure(Settings.defaults()));
            assertTrue(log.text().contains("ignored"), log.text());
        }
    }

    @Test
    void stateVolatile_freshEngine_isRunningAndMovesToShutDown() {
        Engine engine = engine(TestEngines.quickFallback());
        assertEquals(EngineState.RUNNING, engine.stateVolatile());
        engine.shutdown();
        assertEquals(EngineState.SHUT_DOWN, engine.stateVolatile());
        assertNotEquals(EngineState.RUNNING, engine.stateVolatile());
    }

    @Test
    void enterSafepoint_nested_onlyOutermostExitLeavesSection() throws Exception {
        Engine engine = engine(TestEngines.quickFallback());
        Object outer = engine.enterSafepoint();
        Object inner = engine.enterSafepoint();
        engine.exitSafepoint(inner);
        assertThrows(IllegalStateException.class, engine::synchronize);
        engine.exitSafepoint(outer);

        engine.synchronize();
    }
}
