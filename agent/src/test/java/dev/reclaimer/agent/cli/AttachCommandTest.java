package dev.reclaimer.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The {@code attach} command's answers that need no second JVM; the its module attaches for real.
 */
class AttachCommandTest {

    @Test
    void run_withoutProcessId_printsUsageAndFailsWithStatus2() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = Main.run(new String[] {"attach"}, print(out), print(out));

        assertEquals(2, status);
        assertTrue(text(out).contains("attach PID"), text(out));
    }

    @Test
    void run_processIdOfNoJvm_saysItCannotAttachAndFailsWithStatus1() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = Main.run(new String[] {"attach", "2147483646"}, print(out), print(out));

        assertEquals(1, status);
        assertTrue(text(out).contains("cannot attach to JVM 2147483646"), text(out));
    }

    private static PrintStream print(ByteArrayOutputStream out) {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream out) {
        return out.toString(StandardCharsets.UTF_8);
    }
}
