package dev.reclaimer.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.openjdk.jmh.runner.RunnerException;

/**
 * The suite's entry point: {@code java -jar benchmarks/target/reclaimer-benchmarks.jar}. Runs the
 * JMH benchmarks at 1 and 2 threads, then the whole-process measurements, and writes {@code
 * benchmarks/results/} (the JMH JSON per thread count, every figure, and {@code summary.md} with
 * the ratio table, also printed). Exits with 1 if a target was missed or could not be measured.
 *
 * <p>Options: {@code --include=REGEX} runs only the JMH benchmarks matching it, {@code --skip-jmh}
 * and {@code --skip-processes} leave out either part.
 */
public final class BenchmarkSuite {

    private static final String ALL_BENCHMARKS = "dev\\.reclaimer\\.benchmarks\\.jmh\\..*";

    private BenchmarkSuite() {}

    /**
     * Runs the suite.
     *
     * @param args the options above
     * @throws Exception if a part of the suite cannot run at all
     */
    public static void main(String[] args) throws Exception {
        String include = ALL_BENCHMARKS;
        boolean jmh = true;
        boolean processes = true;
        for (String arg : args) {
            if (arg.startsWith("--include=")) {
                include = arg.substring("--include=".length());
            } else if (arg.equals("--skip-jmh")) {
                jmh = false;
            } else if (arg.equals("--skip-processes")) {
                processes = false;
            } else {
                throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        System.exit(run(include, jmh, processes));
    }

    private static int run(String include, boolean jmh, boolean processes)
            throws IOException, InterruptedException, RunnerException {
        SuitePaths built = SuitePaths.locate();
        built.requireBuilt();
        SuitePaths paths = built.withSnapshotJars();
        Files.createDirectories(paths.resultsDir());
        Instant start = Instant.now();
        Figures figures = new Figures();
        if (jmh) {
            JmhRuns.run(paths, include, figures);
        }
        if (processes) {
            SampleThroughput.measure(paths, figures);
            StartupTimes.measure(paths, figures);
        }
        String summary = header(start) + ResultTable.markdown(figures);
        write(paths.resultsDir().resolve("summary.md"), summary);
        write(paths.resultsDir().resolve("figures.tsv"), tsv(figures));
        System.out.println(summary);
        return ResultTable.missedTargets(figures) == 0 ? 0 : 1;
    }

    private static String header(Instant start) {
        return String.format(
                "Run of %s, %s; JDK %s (%s); %d processors; load average at the end %.2f;"
                        + " JMH %d x 1 s warm-up, %d x 1 s measurement, 1 fork; agent arguments"
                        + " %s.%n%n",
                start,
                "took " + Duration.between(start, Instant.now()).toSeconds() + " s",
                System.getProperty("java.version"),
                System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                JmhRuns.WARMUP_ITERATIONS,
                JmhRuns.MEASUREMENT_ITERATIONS,
                JmhRuns.AGENT_ARGUMENTS);
    }

    private static String tsv(Figures figures) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, Double> figure : figures.all().entrySet()) {
            out.append(figure.getKey()).append('\t').append(figure.getValue()).append('\n');
        }
        return out.toString();
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
