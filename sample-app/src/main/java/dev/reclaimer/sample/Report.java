package dev.reclaimer.sample;

import dev.reclaimer.ReclaimerStats;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Formats a {@link Result}: a short report for people and one {@code RESULT} line of {@code
 * key=value} pairs for scripts and tests.
 */
final class Report {

    private Report() {}

    static String text(Result result) {
        Options options = result.options();
        ReclaimerStats engine = result.engine();
        StringBuilder out = new StringBuilder();
        line(
                out,
                "Address-space dispatcher, sync=%s, %s classes, agent %s",
                mode(result),
                options.plainClasses() ? "plain" : "marked",
                result.agentAttached() ? "on the command line" : "not on the command line");
        line(
                out,
                "  threads            %d vCPUs, 1 inspector, 1 control loop, %.1f s on Java %d",
                options.vcpus(),
                result.elapsedNanos() / 1e9,
                Runtime.version().feature());
        line(
                out,
                "  dispatches         %,d (%,d per second, %,d unmapped)",
                result.dispatches(),
                result.dispatchesPerSecond(),
                result.unmapped());
        line(
                out,
                "  hot-plug events    %,d (%,d per second, %s)",
                result.events(),
                result.eventsPerSecond(),
                options.eventsPerSecond() == 0
                        ? "back to back"
                        : String.format(Locale.ROOT, "paced at %,d", options.eventsPerSecond()));
        line(
                out,
                "  releases           %,d retired, %,d released, %,d failed, %,d pending",
                result.retired(),
                result.released(),
                result.failed(),
                result.pending());
        line(out, "  use-after-release  %,d", result.useAfterRelease());
        line(out, "  grace periods      %,d", engine.gracePeriods());
        line(
                out,
                "  longest wait       %,d us from retire to release while running"
                        + " (%,d us with teardown)",
                result.longestWaitRunningNanos() / 1_000,
                result.longestWaitNanos() / 1_000);
        line(out, "  buffers in use     %,d after teardown", result.buffersOutstanding());
        line(
                out,
                "  reclaimer counters %,d retired, %,d released, %,d failed, %,d pending",
                engine.retired(),
                engine.released(),
                engine.failed(),
                engine.pending());
        mbeanLine(out, result);
        return out.toString();
    }

    static String resultLine(Result result) {
        StringBuilder out = new StringBuilder("RESULT");
        fields(result)
                .forEach((key, value) -> out.append(' ').append(key).append('=').append(value));
        return out.toString();
    }

    private static Map<String, Object> fields(Result result) {
        ReclaimerStats engine = result.engine();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("mode", mode(result));
        fields.put("classes", result.options().plainClasses() ? "plain" : "marked");
        fields.put("agent", result.agentAttached());
        fields.put("java", Runtime.version().feature());
        fields.put("dispatches", result.dispatches());
        fields.put("dispatches_per_second", result.dispatchesPerSecond());
        fields.put("events", result.events());
        fields.put("events_per_second", result.eventsPerSecond());
        fields.put("retired", result.retired());
        fields.put("released", result.released());
        fields.put("failed", result.failed());
        fields.put("pending", result.pending());
        fields.put("use_after_release", result.useAfterRelease());
        fields.put("grace_periods", engine.gracePeriods());
        fields.put("longest_wait_us", result.longestWaitRunningNanos() / 1_000);
        fields.put("longest_wait_with_teardown_us", result.longestWaitNanos() / 1_000);
        fields.put("buffers_outstanding", result.buffersOutstanding());
        fields.put("failed_loops", result.failedLoops());
        fields.put("reclaimer_retired", engine.retired());
        fields.put("reclaimer_released", engine.released());
        fields.put("reclaimer_failed", engine.failed());
        fields.put("reclaimer_pending", engine.pending());
        result.mbean()
                .ifPresent(
                        mbean -> {
                            fields.put("jmx_retired", mbean.retired());
                            fields.put("jmx_released", mbean.released());
                            fields.put("jmx_failed", mbean.failed());
                            fields.put("jmx_pending", mbean.pending());
                        });
        return fields;
    }

    private static void mbeanLine(StringBuilder out, Result result) {
        result.mbean()
                .ifPresentOrElse(
                        mbean ->
                                line(
                                        out,
                                        "  MBean counters     %,d retired, %,d released,"
                                                + " %,d failed, %,d pending",
                                        mbean.retired(),
                                        mbean.released(),
                                        mbean.failed(),
                                        mbean.pending()),
                        () ->
                                line(
                                        out,
                                        "  MBean counters     %s not registered",
                                        MBeanFigures.NAME));
    }

    private static String mode(Result result) {
        return result.options().sync().name().toLowerCase(Locale.ROOT);
    }

    private static void line(StringBuilder out, String format, Object... arguments) {
        out.append(String.format(Locale.ROOT, format, arguments)).append('\n');
    }
}
