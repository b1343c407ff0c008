package dev.reclaimer.its.environments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM on the configured java ({@code reclaimer.its.java}, or the JVM running the tests),
 * bounded by a timeout, whose output is collected and whose {@code RESULT} line is parsed. It can
 * be started and fed a line on its standard input, for children that wait for the test.
 */
final class Child {

    static final long TIMEOUT_SECONDS = 120;

    private final List<String> command = new ArrayList<>();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private Process process;
    private Thread pump;

    private Child(List<String> arguments) {
        command.add(javaExecutable());
        command.addAll(arguments);
    }

    /** A child java with these arguments (options, then main class or module and arguments). */
    static Child java(String... arguments) {
        return new Child(List.of(arguments));
    }

    /** The {@code -javaagent} option for the built agent jar, with arguments when not null. */
    static String agentOption(String agentArguments) {
        String option = "-javaagent:" + Fixtures.agentJar();
        return agentArguments == null ? option : option + "=" + agentArguments;
    }

    /** Starts the child. */
    Child start() throws IOException {
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        pump = pump(process.getInputStream(), output);
        return this;
    }

    long pid() {
        return process.pid();
    }

    /** Writes one line to the child's standard input. */
    void send(String line) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** Waits until the child printed a line starting with {@code prefix}; fails on timeout. */
    void awaitLine(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            if (output().lines().anyMatch(line -> line.startsWith(prefix))) {
                return;
            }
            if (!process.isAlive()) {
                fail("child ended before printing " + prefix + context());
            }
            Thread.sleep(20);
        }
        process.destroyForcibly();
        fail("child printed no " + prefix + " within " + TIMEOUT_SECONDS + " s" + context());
    }

    /** Starts the child if needed and waits for its end; returns what it did. */
    Outcome run() throws IOException, InterruptedException {
        if (process == null) {
            start();
        }
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            pump.join();
            fail("child JVM did not end within " + TIMEOUT_SECONDS + " s" + context());
        }
        pump.join();
        return new Outcome(process.exitValue(), output(), context());
    }

    /** Ends a child that is still running; for cleanup after a failed assertion. */
    void destroy() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private String output() {
        synchronized (output) {
            return output.toString(StandardCharsets.UTF_8);
        }
    }

    private String context() {
        return "\ncommand: " + String.join(" ", command) + "\n--- child output ---\n" + output();
    }

    /** The java of {@code reclaimer.its.java}, or of the JVM running the tests when unset. */
    static String javaExecutable() {
        String configured = System.getProperty("reclaimer.its.java", "");
        if (!configured.isBlank()) {
            return configured;
        }
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The feature version of the children's java. */
    static int javaFeatureVersion() throws IOException, InterruptedException {
        Outcome outcome = java("-XshowSettings:properties", "-version").run();
        for (String line : outcome.output().split("\\R")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("java.specification.version = ")) {
                return Integer.parseInt(trimmed.substring(trimmed.indexOf('=') + 1).trim());
            }
        }
        return fail("no java.specification.version" + outcome.context());
    }

    private static Thread pump(InputStream from, ByteArrayOutputStream to) {
        Thread thread =
                new Thread(
                        () -> {
                            byte[] buffer = new byte[8192];
                            try (from) {
                                for (int n; (n = from.read(buffer)) >= 0; ) {
                                    synchronized (to) {
                                        to.write(buffer, 0, n);
                                    }
                                }
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        },
                        "child-output");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** What a child did: exit code, output, and the pairs of its one RESULT line if any. */
    record Outcome(int exitCode, String output, String context) {

        /** Asserts a normal end and returns the RESULT pairs. */
        Map<String, String> result() {
            assertEquals(0, exitCode, () -> "exit code" + context);
            Map<String, String> pairs = null;
            for (String line : output.split("\\R")) {
                if (line.startsWith("RESULT ")) {
                    assertEquals(null, pairs, () -> "more than one RESULT line" + context);
                    pairs = new HashMap<>();
                    for (String pair : line.substring(7).trim().split(" +")) {
                        int equals = pair.indexOf('=');
                        pairs.put(pair.substring(0, equals), pair.substring(equals + 1));
                    }
                }
            }
            assertNotNull(pairs, () -> "no RESULT line" + context);
            return pairs;
        }
    }
}
