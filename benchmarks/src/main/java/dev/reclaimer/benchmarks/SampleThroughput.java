package dev.reclaimer.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Item 5: the sample application's dispatch throughput in each synchronisation mode, one child JVM
 * per mode and round. {@code reclaimer} runs with the agent; {@code rwlock} and {@code mutex} run
 * without it, as an application that does not use Reclaimer would.
 *
 * <p>What keeps the modes comparable: the pause between lookup and access is off ({@code
 * --linger-every=0}), so the figure is the dispatch path alone; every mode applies hot-plug events
 * at the same fixed rate ({@code --events-per-second}), so each does the same update work, and the
 * figures record the rate each achieved; the modes run interleaved, round after round, so a change
 * in the machine's load hits them alike, and each figure is the median of its rounds.
 */
final class SampleThroughput {

    static final String[] MODES = {"reclaimer", "rwlock", "mutex"};
    private static final String DURATION = "5s";
    private static final int EVENTS_PER_SECOND = 2_000;
    private static final int ROUNDS = 3;

    /** A mode whose event rate fell below this share of the asked one did less update work. */
    private static final double LEAST_EVENT_SHARE = 0.95;

    private SampleThroughput() {}

    static void measure(SuitePaths paths, Figures figures)
            throws IOException, InterruptedException {
        Map<String, List<Map<String, String>>> results = new LinkedHashMap<>();
        figures.put("sample.load_average.start", loadAverage());
        for (int round = 1; round <= ROUNDS; round++) {
            for (String mode : MODES) {
                Map<String, String> result = ResultLine.parse(runMode(paths, mode));
                results.computeIfAbsent(mode, key -> new ArrayList<>()).add(result);
                System.out.println("sample --sync=" + mode + ", round " + round + ": " + result);
            }
        }
        figures.put("sample.load_average.end", loadAverage());
        results.forEach((mode, rounds) -> record(mode, rounds, figures));
    }

    /** The machine's one-minute load average, which the ratios must be read with. */
    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void record(String mode, List<Map<String, String>> rounds, Figures figures) {
        figures.put("sample.throughput." + mode, median(rounds, "dispatches_per_second"));
        figures.put("sample.use_after_release." + mode, sum(rounds, "use_after_release"));
        double events = median(rounds, "events_per_second");
        figures.put("sample.events_per_second." + mode, events);
        if (events < LEAST_EVENT_SHARE * EVENTS_PER_SECOND) {
            System.out.printf(
                    "WARNING: sample --sync=%s applied %.0f hot-plug events per second of the %d"
                            + " asked; its throughput compares with less update work%n",
                    mode, events, EVENTS_PER_SECOND);
        }
    }

    private static String runMode(SuitePaths paths, String mode)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(SuitePaths.javaLauncher()));
        if (mode.equals("reclaimer")) {
            command.add("-javaagent:" + paths.agentJar());
        }
        command.addAll(
                List.of(
                        "-jar",
                        paths.sampleJar().toString(),
                        "--sync=" + mode,
                        "--duration=" + DURATION,
                        "--events-per-second=" + EVENTS_PER_SECOND,
                        "--linger-every=0"));
        return ChildJvm.run(command).find("RESULT ").text();
    }

    /** The median of a numeric field over the rounds; the upper one of an even count. */
    static double median(List<Map<String, String>> rounds, String key) {
        double[] values = rounds.stream().mapToDouble(r -> ResultLine.number(r, key)).toArray();
        Arrays.sort(values);
        return values[values.length / 2];
    }

    private static double sum(List<Map<String, String>> rounds, String key) {
        return rounds.stream().mapToDouble(r -> ResultLine.number(r, key)).sum();
    }
}
