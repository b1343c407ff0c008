package dev.reclaimer.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts one child JVM and records each line it prints (stdout and stderr merged) with the time,
 * from the launch, at which it arrived.
 */
final class ChildJvm {

    private static final long TIMEOUT_SECONDS = 120;

    /**
     * One line of output and when it arrived.
     *
     * @param text the line
     * @param nanosSinceLaunch time from just before the launch to the line's arrival
     */
    record Line(String text, long nanosSinceLaunch) {}

    /**
     * What a child printed and how long it ran.
     *
     * @param lines every line, in order
     * @param wallNanos time from just before the launch to the exit
     */
    record Run(List<Line> lines, long wallNanos) {

        /** Returns when the first line containing {@code marker} arrived. */
        long nanosUntil(String marker) {
            return find(marker).nanosSinceLaunch();
        }

        /** Returns the first line containing {@code marker}. */
        Line find(String marker) {
            return lines.stream()
                    .filter(line -> line.text().contains(marker))
                    .findFirst()
                    .orElseThrow(
                            () ->
                                    new IllegalStateException(
                                            "no line with '" + marker + "'" + tail()));
        }

        private String tail() {
            int from = Math.max(0, lines.size() - 20);
            StringBuilder out = new StringBuilder(" in the child's output; its last lines:");
            lines.subList(from, lines.size())
                    .forEach(line -> out.append("\n  ").append(line.text()));
            return out.toString();
        }
    }

    private ChildJvm() {}

    /** Runs {@code command} to completion; fails unless it exits with 0. */
    static Run run(List<String> command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<Line> lines = new ArrayList<>();
        try (BufferedReader reader =
                new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String text; (text = reader.readLine()) != null; ) {
                lines.add(new Line(text, System.nanoTime() - start));
            }
        }
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("child JVM timed out: " + command);
        }
        long wall = System.nanoTime() - start;
        Run run = new Run(List.copyOf(lines), wall);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(
                    "child JVM exited with " + process.exitValue() + ": " + command + run.tail());
        }
        return run;
    }
}
