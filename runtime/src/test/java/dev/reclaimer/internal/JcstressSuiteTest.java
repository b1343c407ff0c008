package dev.reclaimer.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openjdk.jcstress.JCStress;
import org.openjdk.jcstress.Options;

/**
 * Runs the jcstress tests of the retire/drain hand-off ({@link RetireQueueHandOffStress}, {@link
 * CompetingDrainersStress}) and of the grace-period rule ({@link GracePeriodStress}) in forked
 * JVMs, and fails if any forbidden outcome was observed or any test did not run.
 *
 * <p>The mode comes from {@code reclaimer.jcstress.mode}: {@code sanity} in the ordinary build (a
 * smoke run of under a minute), {@code quick} in the soak profile. Only the longer modes sample
 * enough to catch subtle reorderings such as a missing store-load fence on the reader's entry.
 */
class JcstressSuiteTest {

    private static final int TESTS = 3;

    @Test
    void jcstress_handOffAndGracePeriodTests_observeNoForbiddenOutcome() throws Exception {
        Path reports = Files.createDirectories(Path.of("jcstress"));
        String output =
                runCapturingOutput(
                        "-t",
                        "dev\\.reclaimer\\.internal\\..*Stress",
                        "-m",
                        System.getProperty("reclaimer.jcstress.mode", "sanity"),
                        "-r",
                        reports.toString());

        assertTrue(output.contains("Failed tests: No matches."), output);
        assertTrue(output.contains("Error tests: No matches."), output);
        assertTrue(
                output.contains("All remaining tests: " + TESTS + " matching test results"),
                "every stress test must run (jcstress skips tests with more actors than CPUs)\n"
                        + output);
    }

    private static String runCapturingOutput(String... arguments) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Options options = new Options(arguments);
            assertTrue(options.parse(), "jcstress options");
            new JCStress(options).run();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
