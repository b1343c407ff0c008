package dev.reclaimer.its.compat;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class in a child JVM on the configured java with the built agent jar, within a
 * timeout, and returns its exit code and output. The output goes to a file, so a child that prints
 * much never blocks on a full pipe.
 */
final class CompatChild {

    private static final long TIMEOUT_SECONDS = 120;

    /**
     * What the child did.
     *
     * @param command the command line
     * @param exitCode its exit code
     * @param output standard output and error, interleaved
     */
    record Result(List<String> command, int exitCode, String output) {
        String context() {
            return "\ncommand: " + String.join(" ", command) + "\n--- output ---\n" + output;
        }
    }

    private CompatChild() {}

    static Result run(String agentArguments, List<Path> classPath, String main, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.add(
                "-javaagent:" + agentJar() + (agentArguments == null ? "" : "=" + agentArguments));
        command.add("-cp");
        command.add(
                String.join(
                        java.io.File.pathSeparator,
                        classPath.stream().map(Path::toString).toList()));
        command.add(main);
        command.addAll(List.of(args));
        Path log = Files.createTempFile("compat-child", ".log");
        try {
            Process process =
                    new ProcessBuilder(command)
                            .redirectErrorStream(true)
                            .redirectOutput(log.toFile())
                            .start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                fail(
                        "child JVM did not end within "
                                + TIMEOUT_SECONDS
                                + " s: "
                                + command
                                + "\n"
                                + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Result(
                    command, process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** The java of {@code reclaimer.its.java}, or of the JVM running the tests when unset. */
    static String javaExecutable() {
        String configured = System.getProperty("reclaimer.its.java", "");
        if (!configured.isBlank()) {
            return configured;
        }
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static Path agentJar() {
        String value = System.getProperty("reclaimer.its.agentJar");
        assertTrue(value != null && !value.isBlank(), "reclaimer.its.agentJar is unset");
        Path jar = Path.of(value).toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(jar), "no agent jar at " + jar);
        return jar;
    }

    /** The jar or directory a class was loaded from in the test JVM. */
    static Path locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
