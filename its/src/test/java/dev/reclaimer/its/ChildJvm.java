package dev.reclaimer.its;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts the built sample application in a child JVM, with or without the built agent jar, and
 * waits for it within a timeout. The paths come from system properties the build sets; a missing
 * jar fails the test, never skips it.
 */
final class ChildJvm {

    private static final long TIMEOUT_SECONDS = 180;

    private final List<String> jvmOptions = new ArrayList<>();
    private final List<String> appArguments = new ArrayList<>();

    /** A child that runs the sample for three seconds, which is enough to observe every hazard. */
    static ChildJvm sample() {
        ChildJvm child = new ChildJvm();
        child.appArguments.add("--duration=3s");
        return child;
    }

    /** Attaches the built agent, with its argument string if not null. */
    ChildJvm withAgent(String agentArguments) {
        String option = "-javaagent:" + requiredFile("reclaimer.its.agentJar");
        jvmOptions.add(agentArguments == null ? option : option + "=" + agentArguments);
        return this;
    }

    ChildJvm withArguments(String... arguments) {
        appArguments.addAll(List.of(arguments));
        return this;
    }

    /** Runs the child to its end and returns what it printed. */
    ChildRun run() throws IOException, InterruptedException {
        List<String> command = command();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread pump = pump(process.getInputStream(), output);
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            pump.join();
            fail(
                    "child JVM did not end within "
                            + TIMEOUT_SECONDS
                            + " s: "
                            + command
                            + "\n"
                            + output.toString(StandardCharsets.UTF_8));
        }
        pump.join();
        return new ChildRun(command, process.exitValue(), output.toString(StandardCharsets.UTF_8));
    }

    private List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(requiredFile("reclaimer.its.sampleJar").toString());
        command.addAll(appArguments);
        return command;
    }

    /** The java of {@code reclaimer.its.java}, or of the JVM running the tests when unset. */
    static String javaExecutable() {
        String configured = System.getProperty("reclaimer.its.java", "");
        if (!configured.isBlank()) {
            return configured;
        }
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The feature version of the children's java, asked from {@code java -version}, so a test can
     * check that the children really ran on the JDK CI asked for.
     */
    static long javaFeatureVersion() throws IOException, InterruptedException {
        Process process =
                new ProcessBuilder(javaExecutable(), "-XshowSettings:properties", "-version")
                        .redirectErrorStream(true)
                        .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        for (String line : output.split("\\R")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("java.specification.version = ")) {
                return Long.parseLong(trimmed.substring(trimmed.indexOf('=') + 1).trim());
            }
        }
        return fail("no java.specification.version from " + javaExecutable() + ":\n" + output);
    }

    private static Path requiredFile(String property) {
        String value = System.getProperty(property);
        assertTrue(value != null && !value.isBlank(), "system property " + property + " is unset");
        Path path = Path.of(value).toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(path), property + " names no file: " + path);
        return path;
    }

    private static Thread pump(InputStream from, ByteArrayOutputStream to) {
        Thread thread =
                new Thread(
                        () -> {
                            try (from) {
                                from.transferTo(to);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        },
                        "child-output");
        thread.start();
        return thread;
    }
}
