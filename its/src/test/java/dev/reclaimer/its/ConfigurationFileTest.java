package dev.reclaimer.its;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The sample's plain classes, which carry no annotation and open no read section, configured only
 * through a Reclaimer configuration file.
 */
class ConfigurationFileTest {

    @Test
    void run_plainClassesNamedInTheFile_neverUsesAReleasedBufferAndReleasesEverything()
            throws Exception {
        ChildRun run =
                ChildJvm.sample()
                        .withAgent("config=" + resource("plain-sample.properties"))
                        .withArguments("--classes=plain")
                        .run();

        run.assertReleasedEverythingSafely();
        assertEquals("plain", run.value("classes"), run::context);
    }

    @Test
    void run_brokenFile_printsOneClearMessageAndRunsToTheEnd() throws Exception {
        Path file = resource("broken.properties");

        ChildRun run = ChildJvm.sample().withAgent("config=" + file).run();

        run.assertCompleted();
        long messages =
                run.output().lines().filter(line -> line.contains("broken.properties")).count();
        assertEquals(1, messages, () -> "one message naming the file" + run.context());
        assertTrue(
                run.output().contains("reclaimer.drain.max-releases"),
                () -> "the message names the bad key" + run.context());
        assertEquals(
                run.number("retired"),
                run.number("released") + run.number("failed") + run.number("pending"),
                run::context);
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(
                Objects.requireNonNull(
                                ConfigurationFileTest.class.getResource("/" + name),
                                "test resource " + name)
                        .toURI());
    }
}
