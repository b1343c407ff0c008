package dev.reclaimer.internal;

import static dev.reclaimer.internal.TestEngines.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reclaimer.ReclaimerStats;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MBeanRegistrationTest {

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private Engine engine;

    @AfterEach
    void shutDown() {
        engine.shutdown();
    }

    private Engine engine(Duration delay, boolean enabled) {
        engine =
                Engine.create(
                        TestEngines.quickFallback(), new Diagnostics(false, false, delay, enabled));
        return engine;
    }

    @Test
    void register_noDelay_attributesEqualStatsAndCountDrainsByPlace() throws Exception {
        Engine engine = engine(Duration.ZERO, true);
        ObjectName name = new ObjectName(engine.mbeanName());
        new TrackedResource(engine, "waited-for").release();
        engine.barrier();
        TrackedResource atSafepoint = new TrackedResource(engine, "at-safepoint");
        atSafepoint.release();
        while (!atSafepoint.released) {
            engine.exitSafepoint(engine.enterSafepoint());
        }
        TrackedResource failing = new TrackedResource(engine, "failing");
        failing.duringRelease =
                () -> {
                    throw new IllegalStateException("deliberate");
                };
        failing.release();
        engine.barrier();

        awaitTrue(() -> server.isRegistered(name), "the MBean was registered");
        ReclaimerStats before = engine.stats();
        long gracePeriods = (long) server.getAttribute(name, "GracePeriods");
        ReclaimerStats after = engine.stats();
        assertEquals(before.retired(), server.getAttribute(name, "Retired"));
        assertEquals(before.released(), server.getAttribute(name, "Released"));
        assertEquals(before.failed(), server.getAttribute(name, "Failed"));
        assertEquals(before.pending(), server.getAttribute(name, "Pending"));
        assertEquals(0L, server.getAttribute(name, "OldestPendingAgeMillis"));
        assertTrue(
                before.gracePeriods() <= gracePeriods && gracePeriods <= after.gracePeriods(),
                "grace periods go on completing; the attribute lies between two snapshots");
        assertEquals(3L, before.retired());
        assertEquals(1L, before.failed());
        assertTrue((long) server.getAttribute(name, "DrainsAtSafepoint") >= 1);
        assertTrue((long) server.getAttribute(name, "DrainsInWaits") >= 2);
        assertEquals(0L, server.getAttribute(name, "DrainsAtShutdown"));
        assertTrue((long) server.getAttribute(name, "LongestRecentGracePeriodMillis") >= 0);
    }

    @Test
    void register_mbeanInfo_hasOnlyReadOnlyAttributesAndNoOperations() throws Exception {
        Engine engine = engine(Duration.ZERO, true);
        ObjectName name = new ObjectName(engine.mbeanName());
        engine.defer(() -> {});
        awaitTrue(() -> server.isRegistered(name), "the MBean was registered");

        MBeanInfo info = server.getMBeanInfo(name);
        assertEquals(0, info.getOperations().length);
        assertEquals(11, info.getAttributes().length);
        for (MBeanAttributeInfo attribute : info.getAttributes()) {
            assertTrue(attribute.isReadable() && !attribute.isWritable(), attribute.getName());
        }
    }

    @Test
    void register_delayNotYetPassed_notRegisteredThoughTheEngineRuns() throws Exception {
        Engine engine = engine(Duration.ofHours(1), true);
        engine.defer(() -> {});
        long start = engine.stats().gracePeriods();
        awaitTrue(
                () -> engine.stats().gracePeriods() > start + 10,
                "the background drainer ticked many times");

        assertFalse(server.isRegistered(new ObjectName(engine.mbeanName())));
    }

    @Test
    void register_disabled_neverRegistered() throws Exception {
        Engine engine = engine(Duration.ZERO, false);
        engine.defer(() -> {});
        long start = engine.stats().gracePeriods();
        awaitTrue(
                () -> engine.stats().gracePeriods() > start + 10,
                "the background drainer ticked many times");

        assertFalse(server.isRegistered(new ObjectName(engine.mbeanName())));
    }

    @Test
    void register_nameTaken_oneWarningAndTheEngineGoesOn() throws Exception {
        Engine engine = engine(Duration.ZERO, true);
        ObjectName name = new ObjectName(engine.mbeanName());
        server.registerMBean(new ReclaimerMBeanView(engine), name);
        try (LogCapture log = new LogCapture()) {
            TrackedResource resource = new TrackedResource(engine, "r");
            resource.release();
            awaitTrue(() -> log.count("Could not register the MBean") > 0, "a warning");
            awaitTrue(() -> resource.released, "the release ran all the same");
            engine.shutdown();

            assertEquals(1, log.count("Could not register the MBean"), log.text());
            assertTrue(server.isRegistered(name), "the engine leaves a name it does not own");
        } finally {
            server.unregisterMBean(name);
        }
    }

    @Test
    void shutdown_registered_unregistersTheMBean() throws Exception {
        Engine engine = engine(Duration.ZERO, true);
        ObjectName name = new ObjectName(engine.mbeanName());
        engine.defer(() -> {});
        awaitTrue(() -> server.isRegistered(name), "the MBean was registered");

        engine.shutdown();
        assertFalse(server.isRegistered(name));
    }
}
