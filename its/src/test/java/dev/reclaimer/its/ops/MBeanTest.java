package dev.reclaimer.its.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Starts {@link MBeanApp} in a child JVM with the built agent and checks that the MBean it reads
 * from its own platform MBean server reports what {@code Reclaimer.stats()} reports.
 */
class MBeanTest {

    private static final long TIMEOUT_SECONDS = 120;

    @Test
    void mbean_childWithAgent_attributesMatchReclaimerStats() throws Exception {
        String output = runChild();

        Map<String, Long> before = figures(output, "STATS_BEFORE");
        Map<String, Long> mbean = figures(output, "MBEAN");
        Map<String, Long> after = figures(output, "STATS_AFTER");
        for (String counter : List.of("Retired", "Released", "Failed", "Pending")) {
            assertEquals(before.get(counter), mbean.get(counter), counter + output);
            assertEquals(after.get(counter), mbean.get(counter), counter + output);
        }
        assertEquals(20L, mbean.get("Retired"), output);
        assertEquals(18L, mbean.get("Released"), output);
        assertEquals(2L, mbean.get("Failed"), output);
        assertEquals(0L, mbean.get("Pending"), output);
        assertEquals(0L, mbean.get("OldestPendingAgeMillis"), output);
        long gracePeriods = mbean.get("GracePeriods");
        assertTrue(
                before.get("GracePeriods") <= gracePeriods
                        && gracePeriods <= after.get("GracePeriods"),
                "grace periods go on completing; the MBean's lies between two snapshots" + output);
        assertTrue(mbean.get("DrainsInWaits") >= 1, "barrier() drained" + output);
        assertEquals(0L, mbean.get("DrainsAtShutdown"), output);
    }

    private static Map<String, Long> figures(String output, String prefix) {
        for (String line : output.split("\\R")) {
            if (line.startsWith(prefix + " ")) {
                Map<String, Long> figures = new HashMap<>();
                for (String pair : line.substring(prefix.length() + 1).split(" ")) {
                    String[] keyValue = pair.split("=", 2);
                    figures.put(keyValue[0], Long.parseLong(keyValue[1]));
                }
                return figures;
            }
        }
        return fail("no " + prefix + " line in the child's output:\n" + output);
    }

    private static String runChild() throws IOException, InterruptedException {
        List<String> command =
                List.of(
                        javaExecutable(),
                        "-javaagent:" + requiredFile("reclaimer.its.agentJar"),
                        "-Dreclaimer.jmx.registration-delay=0ms",
                        "-cp",
                        testClasses().toString(),
                        MBeanApp.class.getName());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread pump = new Thread(() -> copy(process.getInputStream(), output), "child-output");
        pump.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            pump.join();
            fail("child did not end within " + TIMEOUT_SECONDS + " s: " + command + "\n" + output);
        }
        pump.join();
        String text = output.toString(StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), command + "\n" + text);
        return "\n--- child output ---\n" + text;
    }

    private static void copy(InputStream from, ByteArrayOutputStream to) {
        try (from) {
            from.transferTo(to);
        } catch (IOException e) {
            to.writeBytes(e.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static Path testClasses() {
        try {
            return Path.of(
                    MBeanTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String javaExecutable() {
        String configured = System.getProperty("reclaimer.its.java", "");
        if (!configured.isBlank()) {
            return configured;
        }
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Path requiredFile(String property) {
        String value = System.getProperty(property);
        assertTrue(value != null && !value.isBlank(), "system property " + property + " is unset");
        Path path = Path.of(value).toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(path), property + " names no file: " + path);
        return path;
    }
}
