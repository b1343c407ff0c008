package dev.reclaimer.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Whole runs in this JVM, without the agent: the release methods run inline, so only a lock keeps
 * readers safe. These prove that the stamp checks catch a release that runs early.
 */
class SimulationTest {

    @Test
    void run_withoutLocksOrAgent_countsUseAfterReleaseUnderLingeringReaders() throws Exception {
        Result result = run("--sync=reclaimer");

        assertFalse(result.agentAttached());
        assertTrue(result.useAfterRelease() > 0, () -> Report.resultLine(result));
        assertEquals(result.retired(), result.released(), () -> Report.resultLine(result));
    }

    @Test
    void run_withAReadWriteLock_neverUsesAReleasedBuffer() throws Exception {
        Result result = run("--sync=rwlock");

        assertEquals(0, result.useAfterRelease(), () -> Report.resultLine(result));
        assertEquals(0, result.buffersOutstanding(), () -> Report.resultLine(result));
    }

    @Test
    void run_withAMutex_neverUsesAReleasedBuffer() throws Exception {
        Result result = run("--sync=mutex");

        assertEquals(0, result.useAfterRelease(), () -> Report.resultLine(result));
        assertEquals(0, result.buffersOutstanding(), () -> Report.resultLine(result));
    }

    @Test
    void run_paced_appliesEventsAtTheAskedRate() throws Exception {
        Result result = run("--sync=mutex", "--events-per-second=500");

        double seconds = result.elapsedNanos() / 1e9;
        assertTrue(result.events() <= 500 * seconds + 1, () -> Report.resultLine(result));
        assertTrue(result.events() >= 250 * seconds, () -> Report.resultLine(result));
    }

    private static Result run(String... arguments) throws InterruptedException {
        String[] all = new String[arguments.length + 1];
        all[0] = "--duration=1s";
        System.arraycopy(arguments, 0, all, 1, arguments.length);
        return new Simulation(Options.parse(all)).run();
    }
}
