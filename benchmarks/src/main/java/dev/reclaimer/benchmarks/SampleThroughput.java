package dev.reclaimer.benchmarks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Item 5: the sample application's dispatch throughput in each synchronisation mode, one child JVM
 * per mode, one after the other. {@code reclaimer} runs with the agent; {@code rwlock} and {@code
 * mutex} run without it, as an application that does not use Reclaimer would. The pause between
 * lookup and access is off ({@code --linger-every=0}) so the figure is the dispatch path alone.
 */
final class SampleThroughput {

    static final String[] MODES = {"reclaimer", "rwlock", "mutex"};
    private static final String DURATION = "5s";

    private SampleThroughput() {}

    static void measure(SuitePaths paths, Figures figures)
            throws IOException, InterruptedException {
        for (String mode : MODES) {
            Map<String, String> result = ResultLine.parse(runMode(paths, mode));
            figures.put(
                    "sample.throughput." + mode,
                    ResultLine.number(result, "dispatches_per_second"));
            figures.put(
                    "sample.use_after_release." + mode,
                    ResultLine.number(result, "use_after_release"));
            System.out.println("sample --sync=" + mode + ": " + result);
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
                        "--linger-every=0"));
        return ChildJvm.run(command).find("RESULT ").text();
    }
}
