package dev.reclaimer.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reclaimer.agent.log.LogDestination;
import dev.reclaimer.agent.log.LogLevel;
import dev.reclaimer.internal.BacklogPolicy;
import dev.reclaimer.internal.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir Path directory;

    @Test
    void load_nothingSet_givesDefaults() throws Exception {
        AgentConfig config = ConfigLoader.load(null, Map.of(), Map.of());

        assertTrue(config.enabled());
        assertEquals(Settings.defaults(), config.settings());
        assertEquals(LogLevel.INFO, config.logLevel());
        assertEquals(LogDestination.STDERR, config.logDestination());
        assertEquals("defaults", config.source());
    }

    @Test
    void load_keySetInAllFourSources_agentArgumentsWin() throws Exception {
        Path file = write("reclaimer.drain.max-releases = 1\n");
        Map<String, String> properties = Map.of("reclaimer.drain.max-releases", "2");
        Map<String, String> environment =
                Map.of("RECLAIMER_DRAIN_MAX_RELEASES", "3", "RECLAIMER_CONFIG", file.toString());

        assertEquals(4, maxReleases("drain.max-releases=4", properties, environment));
        assertEquals(2, maxReleases(null, properties, environment));
        assertEquals(3, maxReleases(null, Map.of(), environment));
        assertEquals(1, maxReleases(null, Map.of(), Map.of("RECLAIMER_CONFIG", file.toString())));
    }

    @Test
    void load_everySetting_reachesRuntimeSettings() throws Exception {
        Path file =
                write(
                        "reclaimer.drain.max-releases=10\n"
                                + "reclaimer.drain.time-budget=500us\n"
                                + "reclaimer.drain.fallback-delay=250ms\n"
                                + "reclaimer.backlog.bound=1_000\n"
                                + "reclaimer.backlog.policy=wait\n"
                                + "reclaimer.stall.timeout=2m\n"
                                + "reclaimer.shutdown.timeout=1h\n"
                                + "reclaimer.failure.log-interval=30s\n"
                                + "reclaimer.log.level=debug\n"
                                + "reclaimer.log.destination=slf4j\n"
                                + "reclaimer.enabled=false\n");

        AgentConfig config = ConfigLoader.load("config=" + file, Map.of(), Map.of());
        assertEquals(
                new Settings(
                        10,
                        Duration.ofNanos(500_000),
                        Duration.ofMillis(250),
                        1000,
                        BacklogPolicy.WAIT,
                        Duration.ofMinutes(2),
                        Duration.ofHours(1),
                        Duration.ofSeconds(30)),
                config.settings());
        assertEquals(LogLevel.DEBUG, config.logLevel());
        assertEquals(LogDestination.SLF4J, config.logDestination());
        assertFalse(config.enabled());
        assertEquals(file.toString(), config.effective().get(ConfigKey.ENABLED).origin().file());
    }

    @Test
    void load_fileNamedBySystemProperty_beatsEnvironment() throws Exception {
        Path fromProperty = write("reclaimer.log.level=warn\n");
        Path fromEnvironment = directory.resolve("other.properties");
        Files.writeString(fromEnvironment, "reclaimer.log.level=error\n");

        AgentConfig config =
                ConfigLoader.load(
                        null,
                        Map.of("reclaimer.config", fromProperty.toString()),
                        Map.of("RECLAIMER_CONFIG", fromEnvironment.toString()));
        assertEquals(LogLevel.WARN, config.logLevel());
    }

    @Test
    void load_listsInFileWithContinuationAndInArgumentsWithSemicolons() throws Exception {
        Path file =
                write(
                        "# comment\n"
                                + "reclaimer.release-methods = com.example.Region#release, \\\n"
                                + "    com.example.*Pool#free(long, int)\n");

        AgentConfig fromFile = ConfigLoader.load("config=" + file, Map.of(), Map.of());
        AgentConfig fromArguments =
                ConfigLoader.load(
                        "reclaimer.safepoints=a.B#run;c.D#tick(),read-sections=e.F#get",
                        Map.of(),
                        Map.of());
        assertEquals(2, fromFile.releaseMethods().size());
        assertEquals(
                "com.example.*Pool#free(long, int)", fromFile.releaseMethods().get(1).toString());
        assertEquals(2, fromArguments.safepoints().size());
        assertEquals(1, fromArguments.readSections().size());
    }

    @Test
    void error_unreadableFile_namesFile() {
        String missing = directory.resolve("missing.properties").toString();

        String message = failure("config=" + missing, Map.of());
        assertTrue(message.startsWith("file " + missing + " cannot be read"), message);
    }

    @Test
    void error_badSyntax_namesFileLineAndKey() throws Exception {
        Path file = write("reclaimer.enabled=true\n\nreclaimer.log.level\n");

        assertEquals(
                "file "
                        + file
                        + " line 3, key reclaimer.log.level: expected 'key=value' or 'key: value'",
                failure("config=" + file, Map.of()));
    }

    @Test
    void error_unknownKeyInFile_namesFileLineAndKey() throws Exception {
        Path file = write("reclaimer.enabled=true\nreclaimer.drain.budget=1ms\n");

        assertEquals(
                "file " + file + " line 2, key reclaimer.drain.budget: unknown key",
                failure("config=" + file, Map.of()));
    }

    @Test
    void error_badValue_namesFileLineKeyAndExpectation() throws Exception {
        Path file = write("reclaimer.stall.timeout=10\n");

        String message = failure("config=" + file, Map.of());
        assertTrue(
                message.startsWith("file " + file + " line 1, key reclaimer.stall.timeout: "),
                message);
        assertTrue(message.contains("expected a unit"), message);
    }

    @Test
    void error_malformedSelector_namesFileLineAndKey() throws Exception {
        Path file =
                write(
                        "reclaimer.enabled=true\n"
                                + "reclaimer.release-methods=com.example.Region.release\n");

        String message = failure("config=" + file, Map.of());
        assertTrue(
                message.startsWith("file " + file + " line 2, key reclaimer.release-methods: "),
                message);
        assertTrue(message.contains("lacks '#'"), message);
    }

    @Test
    void error_repeatedKey_namesBothLines() throws Exception {
        Path file = write("reclaimer.enabled=true\nreclaimer.enabled=false\n");

        assertEquals(
                "file "
                        + file
                        + " line 2, key reclaimer.enabled: repeated key, first given at line 1",
                failure("config=" + file, Map.of()));
    }

    @Test
    void error_unknownKeyInArgumentsOrSystemProperties_namesSource() {
        assertEquals("agent arguments, key colour: unknown key", failure("colour=red", Map.of()));
        assertEquals(
                "system property, key reclaimer.colour: unknown key",
                failure(null, Map.of("reclaimer.colour", "red")));
    }

    @Test
    void error_badValueInEnvironment_namesVariable() {
        ConfigException e =
                assertThrows(
                        ConfigException.class,
                        () ->
                                ConfigLoader.load(
                                        null, Map.of(), Map.of("RECLAIMER_ENABLED", "yes")));
        assertEquals(
                "environment, key RECLAIMER_ENABLED: expected true or false, was 'yes'",
                e.getMessage());
    }

    @Test
    void error_severalInFile_reportsTheFirstInFileOrder() throws Exception {
        Path file =
                write(
                        "reclaimer.enabled=true\n"
                                + "reclaimer.drain.budget=1ms\n"
                                + "reclaimer.stall.timeout=10\n"
                                + "reclaimer.enabled=false\n");

        assertEquals(
                "file " + file + " line 2, key reclaimer.drain.budget: unknown key",
                failure("config=" + file, Map.of()));
    }

    @Test
    void load_fileWithByteOrderMark_readsTheFirstKey() throws Exception {
        Path file = write("\uFEFFreclaimer.drain.max-releases=7\n");

        assertEquals(7, maxReleases("config=" + file, Map.of(), Map.of()));
    }

    @Test
    void error_listSeparatedByCommaInArguments_hintsAtSemicolons() {
        String message = failure("release-methods=a.B#c,a.B#d", Map.of());

        assertTrue(message.contains("by ';'"), message);
    }

    private int maxReleases(
            String arguments, Map<String, String> properties, Map<String, String> environment)
            throws ConfigException {
        return ConfigLoader.load(arguments, properties, environment).settings().drainMaxReleases();
    }

    private String failure(String arguments, Map<String, String> properties) {
        return assertThrows(
                        ConfigException.class,
                        () -> ConfigLoader.load(arguments, properties, Map.of()))
                .getMessage();
    }

    private Path write(String text) throws IOException {
        Path file = directory.resolve("reclaimer.properties");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
