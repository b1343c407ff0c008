package dev.reclaimer.its.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs the sample jar with the agent and an MBean registration delay far shorter than the run, and
 * checks that the MBean's counters, which the sample reads through its platform MBean server after
 * its final barrier, match the sample's own count of retires and releases.
 */
class SampleMBeanTest {

    private static final List<String> COUNTERS =
            List.of("retired", "released", "failed", "pending");

    @Test
    void sample_withAgentAndShortRegistrationDelay_mbeanCountersMatchTheReport() throws Exception {
        OpsChild.Outcome run =
                OpsChild.java(
                        List.of(
                                OpsChild.agentOption("jmx.registration-delay=100ms"),
                                "-jar",
                                OpsChild.sampleJar().toString(),
                                "--duration=2s"));

        assertEquals(0, run.exitCode(), run.context());
        Map<String, Long> result = resultLine(run);
        for (String counter : COUNTERS) {
            long reported = figure(result, counter, run);
            long mbean = figure(result, "jmx_" + counter, run);
            assertEquals(
                    reported, mbean, () -> "jmx_" + counter + " == " + counter + run.context());
        }
        assertTrue(
                figure(result, "jmx_retired", run) > 0, () -> "MBean saw retires" + run.context());
        assertTrue(
                figure(result, "jmx_released", run) > 0,
                () -> "MBean saw releases" + run.context());
    }

    private static long figure(Map<String, Long> result, String key, OpsChild.Outcome run) {
        Long value = result.get(key);
        if (value == null) {
            fail("RESULT has no " + key + run.context());
        }
        return value;
    }

    /** The numeric pairs of the child's one {@code RESULT} line. */
    private static Map<String, Long> resultLine(OpsChild.Outcome run) {
        Map<String, Long> pairs = null;
        for (String line : run.output().split("\\R")) {
            if (!line.startsWith("RESULT ")) {
                continue;
            }
            if (pairs != null) {
                fail("more than one RESULT line" + run.context());
            }
            pairs = new HashMap<>();
            for (String pair : line.substring("RESULT ".length()).trim().split(" +")) {
                String[] keyValue = pair.split("=", 2);
                if (keyValue[1].matches("-?\\d+")) {
                    pairs.put(keyValue[0], Long.parseLong(keyValue[1]));
                }
            }
        }
        if (pairs == null) {
            fail("no RESULT line" + run.context());
        }
        return pairs;
    }
}
