package dev.reclaimer.its.environments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The agent beside the JaCoCo agent, in both orders, in an application that brings its own
 * ByteBuddy (through Mockito, creating a mock) and its own SLF4J with Logback: the mock works, the
 * application's log line goes through its Logback, coverage is recorded, no SLF4J warning appears
 * and every release is still deferred.
 */
class CoexistenceTest {

    @Test
    void run_reclaimerBeforeJacoco_bothWorkBesideTheApplicationsLibraries() throws Exception {
        Path coverage = coverageFile("reclaimer-first");

        Child.Outcome outcome = runApp(Child.agentOption(null), jacocoOption(coverage));

        assertEverythingCoexists(outcome, coverage);
    }

    @Test
    void run_jacocoBeforeReclaimer_bothWorkBesideTheApplicationsLibraries() throws Exception {
        Path coverage = coverageFile("jacoco-first");

        Child.Outcome outcome = runApp(jacocoOption(coverage), Child.agentOption(null));

        assertEverythingCoexists(outcome, coverage);
    }

    private static void assertEverythingCoexists(Child.Outcome outcome, Path coverage)
            throws Exception {
        Map<String, String> result = outcome.result();
        assertEquals("mocked", result.get("mock"), outcome::context);
        assertEquals("0", result.get("inline"), outcome::context);
        assertEquals(result.get("calls"), result.get("released"), outcome::context);
        assertEquals(result.get("calls"), result.get("retired"), outcome::context);
        assertTrue(
                outcome.output().contains("LOGBACK CoexistApp application logging"),
                outcome::context);
        assertFalse(
                outcome.output().contains("SLF4J"), () -> "no SLF4J warning" + outcome.context());
        assertTrue(
                outcome.output().contains("reclaimer-agent")
                        && outcome.output().contains("enabled"),
                () -> "the agent started" + outcome.context());
        assertTrue(Files.size(coverage) > 0, () -> "JaCoCo wrote coverage" + outcome.context());
    }

    private static Child.Outcome runApp(String firstAgent, String secondAgent) throws Exception {
        List<Path> libraries = new ArrayList<>();
        for (String library :
                List.of(
                        "mockito-core",
                        "byte-buddy",
                        "objenesis",
                        "slf4j-api",
                        "logback-classic",
                        "logback-core")) {
            libraries.add(Fixtures.lib(library));
        }
        libraries.add(Fixtures.runtimeJar());
        Path app = Fixtures.compile("coexist", libraries, List.of(), "coexist");
        libraries.add(0, app);
        return Child.java(
                        firstAgent,
                        secondAgent,
                        "-cp",
                        Fixtures.joined(libraries),
                        "demo.coexist.CoexistApp")
                .run();
    }

    private static String jacocoOption(Path coverage) {
        return "-javaagent:"
                + Fixtures.lib("org.jacoco.agent-runtime")
                + "=destfile="
                + coverage
                + ",includes=demo.*";
    }

    private static Path coverageFile(String name) throws Exception {
        Path file = Path.of("target", "environments", "jacoco-" + name + ".exec").toAbsolutePath();
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        return file;
    }
}
