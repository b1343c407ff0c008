package dev.reclaimer.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckFileTest {

    @TempDir Path directory;

    @Test
    void checkFile_manyProblems_reportsEveryOneWithLineAndKey() throws Exception {
        Path file =
                write(
                        "reclaimer.safepoints = a.B#run\n"
                                + "reclaimer.no-such-key = 1\n"
                                + "reclaimer.stall.timeout = soon\n"
                                + "reclaimer.release-methods = a.B#free, a.B\n"
                                + "reclaimer.safepoints = a.C#run\n"
                                + "reclaimer.log.level\n"
                                + "reclaimer.debug.detect-use-after-release = maybe\n");

        ConfigLoader.Checked checked = ConfigLoader.checkFile(file);
        List<String> messages =
                checked.problems().stream().map(Throwable::getMessage).collect(Collectors.toList());
        assertEquals(6, messages.size(), messages.toString());
        assertProblem(messages, file, 2, "reclaimer.no-such-key", "unknown key");
        assertProblem(messages, file, 3, "reclaimer.stall.timeout", "duration");
        assertProblem(messages, file, 4, "reclaimer.release-methods", "lacks '#'");
        assertProblem(messages, file, 5, "reclaimer.safepoints", "repeated key");
        assertProblem(messages, file, 6, "reclaimer.log.level", "expected 'key=value'");
        assertProblem(
                messages, file, 7, "reclaimer.debug.detect-use-after-release", "true or false");
        assertEquals(1, checked.config().releaseMethods().size(), "the good selector is kept");
    }

    @Test
    void checkFile_clean_hasNoProblemsAndTheDebugOptions() throws Exception {
        Path file =
                write(
                        "reclaimer.debug.detect-use-after-release = true\n"
                                + "reclaimer.debug.revive-methods = a.Pool#take, a.B#reset()\n"
                                + "reclaimer.debug.record-retire-stacks = true\n"
                                + "reclaimer.debug.dump-dir = /tmp/dump\n"
                                + "reclaimer.jmx.enabled = false\n"
                                + "reclaimer.jmx.registration-delay = 0s\n");

        ConfigLoader.Checked checked = ConfigLoader.checkFile(file);
        assertEquals(List.of(), checked.problems());
        DebugOptions debug = checked.config().debug();
        assertTrue(debug.detectUseAfterRelease());
        assertTrue(debug.diagnostics().recordRetireStacks());
        assertEquals(false, debug.diagnostics().jmxEnabled());
        assertEquals(Duration.ZERO, debug.diagnostics().jmxRegistrationDelay());
        assertEquals(2, debug.reviveMethods().size());
        assertEquals(Path.of("/tmp/dump"), debug.dumpDirectory());
    }

    @Test
    void checkFile_missing_isOneProblemAndNoConfig() {
        ConfigLoader.Checked checked = ConfigLoader.checkFile(directory.resolve("absent"));

        assertNull(checked.config());
        assertEquals(1, checked.problems().size());
        assertTrue(checked.problems().get(0).getMessage().contains("cannot be read"));
    }

    @Test
    void load_agent_stillStopsAtFirstProblem() throws Exception {
        Path file = write("reclaimer.a = 1\nreclaimer.b = 2\n");

        ConfigException thrown =
                assertThrows(
                        ConfigException.class,
                        () -> ConfigLoader.load("config=" + file, Map.of(), Map.of()));
        assertTrue(thrown.getMessage().contains("line 1"), thrown.getMessage());
    }

    @Test
    void load_nothingSet_detectorOffAndMBeanOn() throws Exception {
        DebugOptions debug = ConfigLoader.load(null, Map.of(), Map.of()).debug();

        assertEquals(false, debug.detectUseAfterRelease());
        assertTrue(debug.diagnostics().jmxEnabled());
        assertEquals(Duration.ofSeconds(10), debug.diagnostics().jmxRegistrationDelay());
        assertNull(debug.dumpDirectory());
    }

    private static void assertProblem(
            List<String> messages, Path file, int line, String key, String problem) {
        String prefix = "file " + file + " line " + line + ", key " + key + ": ";
        assertTrue(
                messages.stream().anyMatch(m -> m.startsWith(prefix) && m.contains(problem)),
                "no '" + prefix + "..." + problem + "' in " + messages);
    }

    private Path write(String text) throws Exception {
        return Files.writeString(directory.resolve("reclaimer.properties"), text);
    }
}
