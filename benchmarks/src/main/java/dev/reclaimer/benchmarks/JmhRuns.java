package dev.reclaimer.benchmarks;

import java.nio.file.Path;
import java.util.Collection;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the JMH benchmarks once per thread count, every fork with the built agent jar attached and
 * the GC profiler on, and records each score and its bytes allocated per operation.
 *
 * <p>The agent arguments are the same for every fork: {@code drain.fallback-delay=1ms} makes the
 * background drainer empty retire queues every millisecond (as the queue alternatives' consumers
 * do), {@code drain.max-releases=4096} and {@code drain.time-budget=10ms} let one safepoint run a
 * whole batch of 4096 even while still cold, and warnings only keep the output readable.
 */
final class JmhRuns {

    static final String AGENT_ARGUMENTS =
            "drain.fallback-delay=1ms,drain.max-releases=4096,drain.time-budget=10ms,"
                    + "log.level=warn";
    static final int WARMUP_ITERATIONS = 3;
    static final int MEASUREMENT_ITERATIONS = 5;
    static final int[] THREAD_COUNTS = {1, 2};
    private static final String PACKAGE = "dev.reclaimer.benchmarks.jmh.";
    private static final String ALLOCATION = "gc.alloc.rate.norm";

    private JmhRuns() {}

    static void run(SuitePaths paths, String include, Figures figures) throws RunnerException {
        for (int threads : THREAD_COUNTS) {
            Path resultFile = paths.resultsDir().resolve("jmh-threads-" + threads + ".json");
            Collection<RunResult> results =
                    new Runner(options(paths, include, threads, resultFile)).run();
            for (RunResult result : results) {
                record(result, threads, figures);
            }
        }
    }

    private static Options options(SuitePaths paths, String include, int threads, Path resultFile) {
        return new OptionsBuilder()
                .include(include)
                .threads(threads)
                .forks(1)
                .warmupIterations(WARMUP_ITERATIONS)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(MEASUREMENT_ITERATIONS)
                .measurementTime(TimeValue.seconds(1))
                .jvmArgsAppend("-javaagent:" + paths.agentJar() + "=" + AGENT_ARGUMENTS)
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(false)
                .result(resultFile.toString())
                .resultFormat(ResultFormatType.JSON)
                .build();
    }

    private static void record(RunResult result, int threads, Figures figures) {
        String name = result.getParams().getBenchmark();
        if (name.startsWith(PACKAGE)) {
            name = name.substring(PACKAGE.length());
        }
        figures.put("t" + threads + "." + name, result.getPrimaryResult().getScore());
        for (String secondary : result.getSecondaryResults().keySet()) {
            if (secondary.endsWith(ALLOCATION)) {
                double bytes = result.getSecondaryResults().get(secondary).getScore();
                figures.put("alloc.t" + threads + "." + name, bytes);
            }
        }
    }
}
