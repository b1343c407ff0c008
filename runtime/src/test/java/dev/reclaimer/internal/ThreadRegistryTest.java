package dev.reclaimer.internal;

import static dev.reclaimer.internal.TestEngines.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.reclaimer.ReadSection;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@SuppressWarnings("try") // sections are opened for their effect, not referenced
class ThreadRegistryTest {

    @Test
    void register_beyondInitialCapacity_keepsEveryRecordInOrder() {
        ThreadRegistry registry = new ThreadRegistry();
        List<ThreadRecord> added = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ThreadRecord record = new ThreadRecord(Thread.currentThread());
            added.add(record);
            registry.register(record);
        }

        ThreadRecord[] snapshot = registry.snapshotVolatile();
        for (int i = 0; i < 100; i++) {
            assertSame(added.get(i), ThreadRegistry.at(snapshot, i));
        }
        assertNull(ThreadRegistry.at(snapshot, 100));
    }

    @Test
    void removeIf_someRecords_compactsTheRest() {
        ThreadRegistry registry = new ThreadRegistry();
        List<ThreadRecord> added = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ThreadRecord record = new ThreadRecord(Thread.currentThread());
            added.add(record);
            registry.register(record);
        }

        assertEquals(5, registry.removeIf(record -> added.indexOf(record) % 2 == 0));
        ThreadRecord[] snapshot = registry.snapshotVolatile();
        for (int i = 0; i < 5; i++) {
            assertSame(added.get(2 * i + 1), ThreadRegistry.at(snapshot, i));
        }
        assertNull(ThreadRegistry.at(snapshot, 5));
    }

    @Test
    void purge_manyVirtualThreadsThatReadAndRetire_allReleasedAndRecordsPurged() throws Exception {
        assumeTrue(
                Runtime.version().feature() >= 21,
                "virtual threads need JDK 21 or later; this JVM is "
                        + Runtime.version()
                        + " and the build targets release 17, so the test runs on the JDK 25 leg");
        Engine engine = Engine.create(TestEngines.quickFallback());
        Method startVirtualThread = Thread.class.getMethod("startVirtualThread", Runnable.class);
        List<TrackedResource> resources = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            TrackedResource resource = new TrackedResource(engine, "v" + i);
            resources.add(resource);
            Runnable body =
                    () -> {
                        try (ReadSection section = engine.openSection()) {
                            Thread.yield();
                        }
                        resource.release();
                    };
            threads.add((Thread) startVirtualThread.invoke(null, body));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        engine.barrier();

        for (TrackedResource resource : resources) {
            assertEquals(1, resource.releases.get());
        }
        awaitTrue(
                () -> ThreadRegistry.at(engine.registryForTests().snapshotVolatile(), 10) == null,
                "the dead virtual threads' records were purged");
        assertEquals(1_000, engine.stats().released());
        engine.shutdown();
    }
}
