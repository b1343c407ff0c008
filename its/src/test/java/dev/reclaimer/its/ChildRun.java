package dev.reclaimer.its;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a child JVM did: its exit code, everything it printed, and the pairs of its {@code RESULT}
 * line. Every assertion failure message carries the whole output, so a failure in CI can be read
 * without rerunning it.
 */
final class ChildRun {

    private final List<String> command;
    private final int exitCode;
    private final String output;
    private final Map<String, String> result;

    ChildRun(List<String> command, int exitCode, String output) {
        this.command = List.copyOf(command);
        this.exitCode = exitCode;
        this.output = output;
        this.result = parseResultLine(output);
    }

    String output() {
        return output;
    }

    /** Asserts that the child ended normally and printed one {@code RESULT} line. */
    ChildRun assertCompleted() {
        assertEquals(0, exitCode, () -> "exit code" + context());
        assertNotNull(result, () -> "no RESULT line" + context());
        return this;
    }

    /**
     * Asserts what the agent promises for the sample: no access ever found its view or region
     * released, every retire was released by exit, none failed or is pending, and the reclaimer
     * deferred exactly the calls the application made.
     */
    ChildRun assertReleasedEverythingSafely() {
        assertCompleted();
        assertEquals("true", value("agent"), () -> "agent attached" + context());
        assertEquals(0, number("use_after_release"), () -> "use_after_release" + context());
        assertEquals(0, number("failed"), () -> "failed" + context());
        assertEquals(0, number("pending"), () -> "pending" + context());
        assertEquals(
                number("retired"), number("released"), () -> "retired == released" + context());
        assertEquals(0, number("buffers_outstanding"), () -> "buffers_outstanding" + context());
        assertEquals(
                number("retired"),
                number("reclaimer_retired"),
                () -> "every release call deferred by the reclaimer" + context());
        assertEquals(0, number("reclaimer_pending"), () -> "reclaimer_pending" + context());
        assertEquals(0, number("reclaimer_failed"), () -> "reclaimer_failed" + context());
        assertTrue(number("events") > 100, () -> "hot-plug events happened" + context());
        return this;
    }

    /** The value of a key of the {@code RESULT} line; fails when the key is missing. */
    String value(String key) {
        String value = result.get(key);
        if (value == null) {
            fail("RESULT has no " + key + context());
        }
        return value;
    }

    long number(String key) {
        return Long.parseLong(value(key));
    }

    /** The command and the full output, to append to an assertion message. */
    String context() {
        return "\ncommand: " + String.join(" ", command) + "\n--- child output ---\n" + output;
    }

    private static Map<String, String> parseResultLine(String output) {
        Map<String, String> pairs = null;
        for (String line : output.split("\\R")) {
            if (!line.startsWith("RESULT ")) {
                continue;
            }
            if (pairs != null) {
                fail("more than one RESULT line:\n" + output);
            }
            pairs = new HashMap<>();
            for (String pair : line.substring("RESULT ".length()).trim().split(" +")) {
                int equals = pair.indexOf('=');
                pairs.put(pair.substring(0, equals), pair.substring(equals + 1));
            }
        }
        return pairs;
    }
}
