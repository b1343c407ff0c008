package dev.reclaimer.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.check.Pool;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {

    @TempDir Path directory;

    private String output;

    @Test
    void check_cleanFileWithClassPath_listsChangesRefusalsAndUnmatchedSelectors() throws Exception {
        Path file =
                write(
                        "reclaimer.include = example.check.**\n"
                                + "reclaimer.release-methods = example.check.Pool#free(long),"
                                + " example.check.Pool#drain, example.nowhere.Gone#release\n");

        int status = check(file.toString(), testClasses() + File.pathSeparator + directory);
        assertEquals(0, status, output);
        assertGroup(
                "@DeferredRelease",
                "  change  example.check.Explosive#release()V as release",
                "  refuse  example.check.Explosive#releaseWithValue()I: RELEASE method"
                        + " example.check.Explosive#releaseWithValue()I refused: it returns a"
                        + " value, which a deferred call cannot provide");
        assertGroup(
                "selector example.check.Pool#free(long) of reclaimer.release-methods",
                "  change  example.check.Pool#free(J)V as release");
        assertGroup(
                "selector example.check.Pool#drain of reclaimer.release-methods",
                "  refuse  example.check.Pool#drain()V: RELEASE method example.check.Pool#drain()V"
                        + " refused: it is static: a RELEASE method needs an object");
        assertGroup(
                "selector example.nowhere.Gone#release of reclaimer.release-methods",
                "  warning: matches no method");
        assertTrue(output.endsWith("result: clean" + System.lineSeparator()), output);
    }

    @Test
    void check_classPath_neitherLoadsNorInitialisesAnyClass() throws Exception {
        Path file = write("reclaimer.include = example.check.**\n");

        check(file.toString(), testClasses());
        assertTrue(output.contains("Explosive#release()V"), output);
        assertNull(System.getProperty("example.check.initialised"), "static initialiser ran");
    }

    @Test
    void check_fileWithErrors_listsEveryOneAndFails() throws Exception {
        Path file =
                write(
                        "reclaimer.include = example.check.**\n"
                                + "reclaimer.drain.max-releases = many\n"
                                + "reclaimer.unknown = 1\n"
                                + "reclaimer.safepoints = example.check.Pool\n");

        assertEquals(1, check(file.toString(), testClasses()), output);
        assertTrue(output.contains("error: file " + file + " line 2, key reclaimer.drain"), output);
        assertTrue(
                output.contains("error: file " + file + " line 3, key reclaimer.unknown"), output);
        assertTrue(
                output.contains("error: file " + file + " line 4, key reclaimer.safepoints"),
                output);
        assertTrue(output.contains("result: 3 error(s)"), output);
    }

    @Test
    void check_detectorOnWithClassPath_listsCheckedAndReviveMethods() throws Exception {
        Path file =
                write(
                        "reclaimer.include = example.check.**\n"
                                + "reclaimer.debug.detect-use-after-release = true\n"
                                + "reclaimer.debug.revive-methods = example.check.Pool#free\n");

        assertEquals(0, check(file.toString(), testClasses()), output);
        assertGroup(
                "selector example.check.Pool#free of reclaimer.debug.revive-methods",
                "  change  example.check.Pool#free(J)V as revive");
        assertGroup(
                "reclaimer.debug.detect-use-after-release",
                "  change  example.check.Explosive#size()I as live_check");
    }

    @Test
    void check_reviveMethodsWithoutDetector_warns() throws Exception {
        Path file = write("reclaimer.debug.revive-methods = example.check.Pool#free\n");

        assertEquals(0, check(file.toString()), output);
        assertTrue(
                output.contains("warning: reclaimer.debug.revive-methods has no effect"), output);
    }

    @Test
    void check_missingClassPathEntry_isAnError() throws Exception {
        Path file = write("reclaimer.enabled = true\n");

        assertEquals(1, check(file.toString(), directory.resolve("absent.jar").toString()));
        assertTrue(output.contains("absent.jar does not exist"), output);
    }

    @Test
    void check_withoutFile_isUsageError() {
        assertEquals(2, check());
        assertTrue(output.startsWith("usage:"), output);
    }

    private void assertGroup(String heading, String... lines) {
        List<String> all = output.lines().collect(Collectors.toList());
        int at = all.indexOf(heading);
        assertTrue(at >= 0, "no group '" + heading + "' in:\n" + output);
        for (int i = 0; i < lines.length; i++) {
            assertEquals(lines[i], all.get(at + 1 + i), output);
        }
    }

    private int check(String... arguments) {
        String[] command = new String[arguments.length + 1];
        command[0] = "check";
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status =
                Main.run(
                        command,
                        new PrintStream(bytes, true, StandardCharsets.UTF_8),
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        output = bytes.toString(StandardCharsets.UTF_8);
        return status;
    }

    private static String testClasses() throws Exception {
        return Path.of(Pool.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
    }

    private Path write(String text) throws Exception {
        return Files.writeString(directory.resolve("reclaimer.properties"), text);
    }
}
