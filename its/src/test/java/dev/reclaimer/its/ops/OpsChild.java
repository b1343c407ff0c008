package dev.reclaimer.its.ops;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM on the configured java ({@code reclaimer.its.java}, or the JVM running the tests),
 * bounded by a timeout, with the built agent jar and sample jar named by the build's system
 * properties; a missing jar fails the test, never skips it.
 */
final class OpsChild {

    private static final long TIMEOUT_SECONDS = 120;

    private OpsChild() {}

    /** What a child did. */
    record Outcome(int exitCode, String output, List<String> command) {

        /** The command and the output, to append to an assertion message. */
        String context() {
            return "\ncommand: " + String.join(" ", command) + "\n--- child output ---\n" + output;
        }
    }

    /** Runs {@code java} with these arguments to its end. */
    static Outcome java(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread pump =
                new Thread(
                        () -> {
                            try (var in = process.getInputStream()) {
                                in.transferTo(output);
                            } catch (IOException e) {
                                output.writeBytes(e.toString().getBytes(StandardCharsets.UTF_8));
                            }
                        },
                        "child-output");
        pump.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            pump.join();
            fail("child did not end within " + TIMEOUT_SECONDS + " s: " + command + "\n" + output);
        }
        pump.join();
        return new Outcome(
                process.exitValue(), output.toString(StandardCharsets.UTF_8), List.copyOf(command));
    }

    /** Runs one of this package's applications, from the test classes, with the agent. */
    static Outcome app(Class<?> main, String agentArguments, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(agentOption(agentArguments));
        command.add("-cp");
        command.add(testClasses().toString());
        command.add(main.getName());
        command.addAll(List.of(arguments));
        return java(command);
    }

    /** The {@code -javaagent} option for the built agent jar. */
    static String agentOption(String agentArguments) {
        String option = "-javaagent:" + agentJar();
        return agentArguments == null ? option : option + "=" + agentArguments;
    }

    static Path agentJar() {
        return requiredFile("reclaimer.its.agentJar");
    }

    static Path sampleJar() {
        return requiredFile("reclaimer.its.sampleJar");
    }

    /** The folder this package's classes were compiled to, which the children run from. */
    static Path testClasses() {
        try {
            return Path.of(
                    OpsChild.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A test resource of this package as a file. */
    static Path resource(String name) {
        Path path = testClasses().resolve("ops").resolve(name);
        assertTrue(Files.isRegularFile(path), "no test resource " + path);
        return path;
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
