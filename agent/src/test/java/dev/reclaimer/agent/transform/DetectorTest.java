package dev.reclaimer.agent.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reclaimer.Reclaimer;
import dev.reclaimer.UseAfterReleaseException;
import dev.reclaimer.agent.config.AgentConfig;
import example.detector.Probe;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DetectorTest {

    private static final String TRACKED = "example.detector.Tracked";
    private static final String DETECTOR =
            "include=example.detector.**,debug.detect-use-after-release=true,"
                    + "debug.revive-methods=example.detector.Tracked#reset";

    @BeforeAll
    static void configureEngine() throws Exception {
        TestAgent.install();
    }

    @Test
    void transform_detectorOff_injectsNoCheck() throws Exception {
        AgentConfig config = Isolated.config("include=example.detector.**");

        String constants = constants(Isolated.transform(config, TRACKED));
        assertTrue(constants.contains("retire"), "release method rewritten");
        assertFalse(constants.contains("checkLive"), "no check without the detector");
        assertFalse(constants.contains("revive"), "no revive without the detector");
    }

    @Test
    void transform_detectorOn_checksInstanceMethodsAndRevives() throws Exception {
        String constants = constants(Isolated.transform(Isolated.config(DETECTOR), TRACKED));

        assertTrue(constants.contains("checkLive"), constants);
        assertTrue(constants.contains("revive"), constants);
    }

    @Test
    void call_afterRelease_throwsToTheCallerNamingClassAndMethod() throws Exception {
        Probe probe = releasedProbe();

        UseAfterReleaseException thrown = assertThrows(UseAfterReleaseException.class, probe::read);
        assertTrue(thrown.getMessage().contains(TRACKED), thrown.getMessage());
        assertTrue(thrown.getMessage().contains("read"), thrown.getMessage());
    }

    @Test
    void release_twice_secondThrowsAndBodyRunsOnce() throws Exception {
        AtomicInteger releases = new AtomicInteger();
        Probe probe = releasedProbe(releases);

        assertThrows(UseAfterReleaseException.class, probe::release);
        Reclaimer.barrier();
        assertEquals(1, releases.get());
    }

    @Test
    void toString_afterRelease_isNotChecked() throws Exception {
        Probe probe = releasedProbe();

        assertEquals("Tracked[0]", probe.toString());
    }

    @Test
    void reviveMethod_afterRelease_makesObjectLiveAgain() throws Exception {
        Probe probe = releasedProbe();

        probe.reset();
        assertEquals(1, probe.read());
    }

    @Test
    void call_beforeReleaseRan_isLive() throws Exception {
        Probe probe = newProbe(new AtomicInteger());

        probe.release();
        assertEquals(1, probe.read(), "retired but not yet released: still live");
        Reclaimer.barrier();
        assertThrows(UseAfterReleaseException.class, probe::read);
    }

    private static Probe releasedProbe() throws Exception {
        return releasedProbe(new AtomicInteger());
    }

    private static Probe releasedProbe(AtomicInteger releases) throws Exception {
        Probe probe = newProbe(releases);
        probe.release();
        Reclaimer.barrier();
        assertEquals(1, releases.get(), "deferred release ran");
        return probe;
    }

    private static Probe newProbe(AtomicInteger releases) throws Exception {
        Class<?> type = Isolated.load(Isolated.config(DETECTOR), TRACKED);
        return (Probe) type.getConstructor(AtomicInteger.class).newInstance(releases);
    }

    private static String constants(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
