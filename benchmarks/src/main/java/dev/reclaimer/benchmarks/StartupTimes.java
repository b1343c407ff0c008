package dev.reclaimer.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Item 6: start-up with and without the agent, as whole child JVMs, alternating the two ways so a
 * change in machine load hits both alike, and reporting medians.
 *
 * <p>The sample's start-up is the time from launch until it logs that the dispatcher is running,
 * the line it prints just before its loops start, and the wall time of a run of 1 ms (start-up, the
 * first iterations, teardown and exit). Class loading is measured inside the child: the time to
 * load every class of Guava, Jackson and Netty jars with the agent attached (default configuration,
 * so no selector matches them and only the annotation scan runs) or without it.
 */
final class StartupTimes {

    private static final int SAMPLE_RUNS = 11;
    private static final int LOADING_RUNS = 7;
    private static final String RUNNING_MARKER = "Running the address-space dispatcher";

    private StartupTimes() {}

    static void measure(SuitePaths paths, Figures figures)
            throws IOException, InterruptedException {
        measureSample(paths, figures);
        measureClassLoading(paths, figures);
    }

    private static void measureSample(SuitePaths paths, Figures figures)
            throws IOException, InterruptedException {
        long[][] untilRunning = new long[2][SAMPLE_RUNS];
        long[][] wall = new long[2][SAMPLE_RUNS];
        for (int run = 0; run < SAMPLE_RUNS; run++) {
            for (int agent = 0; agent < 2; agent++) {
                List<String> command = javaCommand(paths, agent == 1);
                command.addAll(
                        List.of(
                                "-jar",
                                paths.sampleJar().toString(),
                                "--duration=1ms",
                                "--linger-every=0"));
                ChildJvm.Run child = ChildJvm.run(command);
                untilRunning[agent][run] = child.nanosUntil(RUNNING_MARKER);
                wall[agent][run] = child.wallNanos();
            }
        }
        putPair(figures, "startup.sample.running_ms", untilRunning);
        putPair(figures, "startup.sample.wall_ms", wall);
    }

    private static void measureClassLoading(SuitePaths paths, Figures figures)
            throws IOException, InterruptedException {
        List<String> jars = jarsIn(paths.startupJars());
        long[][] loading = new long[2][LOADING_RUNS];
        for (int run = 0; run < LOADING_RUNS; run++) {
            for (int agent = 0; agent < 2; agent++) {
                List<String> command = javaCommand(paths, agent == 1);
                command.addAll(
                        List.of(
                                "-cp",
                                paths.benchmarksJar().toString(),
                                ClassLoadingProbe.class.getName()));
                command.addAll(jars);
                Map<String, String> fields =
                        ResultLine.parse(
                                "RESULT "
                                        + ChildJvm.run(command)
                                                .find("LOADED ")
                                                .text()
                                                .substring(7));
                loading[agent][run] = (long) ResultLine.number(fields, "nanos");
                figures.put("startup.jars.classes", ResultLine.number(fields, "classes"));
                figures.put("startup.jars.failed", ResultLine.number(fields, "failed"));
            }
        }
        putPair(figures, "startup.jars.loading_ms", loading);
        figures.put("startup.jars.count", jars.size());
    }

    private static List<String> javaCommand(SuitePaths paths, boolean withAgent) {
        List<String> command = new ArrayList<>(List.of(SuitePaths.javaLauncher()));
        if (withAgent) {
            command.add("-javaagent:" + paths.agentJar());
        }
        return command;
    }

    private static List<String> jarsIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<String> jars =
                    files.filter(file -> file.toString().endsWith(".jar"))
                            .map(Path::toString)
                            .sorted()
                            .toList();
            if (jars.isEmpty()) {
                throw new IllegalStateException("no jars in " + dir);
            }
            return jars;
        }
    }

    /**
     * Stores the medians of both ways, in milliseconds, as {@code name.agent} and {@code
     * name.none}.
     */
    private static void putPair(Figures figures, String name, long[][] nanos) {
        figures.put(name + ".none", median(nanos[0]) / 1e6);
        figures.put(name + ".agent", median(nanos[1]) / 1e6);
    }

    /** Returns the median of the values, the mean of the middle two for an even count. */
    static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1
                ? sorted[middle]
                : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }
}
