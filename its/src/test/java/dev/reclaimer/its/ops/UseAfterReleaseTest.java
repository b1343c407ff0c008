package dev.reclaimer.its.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The use-after-release detector catches a broken reader and stays silent on the sample. */
class UseAfterReleaseTest {

    private static final String DETECTOR = "debug.detect-use-after-release=true";

    @Test
    void detector_readerOutsideSection_failsLoudlyNamingClassMethodAndRetire() throws Exception {
        OpsChild.Outcome run =
                OpsChild.app(BrokenReaderApp.class, DETECTOR + ",debug.record-retire-stacks=true");

        assertNotEquals(0, run.exitCode(), "the stale lookup must fail" + run.context());
        assertFalse(run.output().contains("RESULT"), "no stale value returned" + run.context());
        String table = BrokenReaderApp.class.getName() + "$Table";
        assertTrue(
                run.output()
                        .contains("dev.reclaimer.UseAfterReleaseException: " + table + "#lookup"),
                "exception names class and method" + run.context());
        assertTrue(run.output().contains(table + "#release"), "names the release" + run.context());
        assertTrue(
                run.output().contains("at " + BrokenReaderApp.class.getName() + ".main("),
                "stacks of the use and the retire" + run.context());
    }

    @Test
    void detectorOff_readerOutsideSection_corruptsSilently() throws Exception {
        OpsChild.Outcome run = OpsChild.app(BrokenReaderApp.class, null);

        assertEquals(0, run.exitCode(), run.context());
        assertTrue(run.output().contains("RESULT stale_lookup=-1"), run.context());
    }

    /**
     * The sample has no pool that hands a released object out again, so no revive method. Its
     * readers call methods its marked classes inherit from the machine's classes, which have no
     * release method of their own; naming the machine's release method as well gives those classes
     * one, so every method the readers call is checked.
     */
    @Test
    void detector_onTheSample_staysSilentAndEverythingIsReleased() throws Exception {
        String agent =
                DETECTOR + ",release-methods=dev.reclaimer.sample.machine.PooledResource#release";
        OpsChild.Outcome run =
                OpsChild.java(
                        List.of(
                                OpsChild.agentOption(agent),
                                "-jar",
                                OpsChild.sampleJar().toString(),
                                "--duration=3s"));

        assertEquals(0, run.exitCode(), run.context());
        assertFalse(run.output().contains("UseAfterRelease"), run.context());
        assertTrue(run.output().contains(" use_after_release=0 "), run.context());
        assertTrue(run.output().contains(" reclaimer_failed=0"), run.context());
    }
}
