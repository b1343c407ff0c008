package dev.reclaimer.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void run_version_printsNameAndVersion() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status =
                Main.run(
                        new String[] {"--version"}, print(out), print(new ByteArrayOutputStream()));
        assertEquals(0, status);
        assertEquals(
                "reclaimer-agent " + Main.version(), out.toString(StandardCharsets.UTF_8).trim());
    }

    @Test
    void run_unknownCommand_printsUsageAndFails() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status =
                Main.run(
                        new String[] {"frobnicate"},
                        print(new ByteArrayOutputStream()),
                        print(err));
        assertEquals(2, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage:"));
    }

    private static PrintStream print(ByteArrayOutputStream target) {
        return new PrintStream(target, true, StandardCharsets.UTF_8);
    }
}
