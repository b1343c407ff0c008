package dev.reclaimer.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Formats one run's figures as Markdown: every benchmark beside its alternatives at 1 and 2
 * threads, the whole-process figures, and each target as a ratio of two figures of this run.
 */
final class ResultTable {

    /**
     * One row of the benchmark table.
     *
     * @param item the item number
     * @param benchmark {@code Class.method}
     */
    private record Row(int item, String benchmark) {}

    /**
     * A target: {@code numerator / denominator} (or {@code numerator} alone when the denominator is
     * null) must be at most, or at least, {@code limit}.
     */
    private record Target(
            String text, String numerator, String denominator, boolean atMost, double limit) {}

    private static final List<Row> ROWS =
            List.of(
                    new Row(0, "VolatileStoreBenchmark.volatileStore"),
                    new Row(1, "RetireBenchmark.deferredRelease"),
                    new Row(1, "RetireBenchmark.inlineRelease"),
                    new Row(1, "RetireBenchmark.synchronizedArrayDeque"),
                    new Row(1, "RetireBenchmark.concurrentLinkedQueue"),
                    new Row(1, "RetireBenchmark.mpscArrayQueue"),
                    new Row(1, "RetireBenchmark.mpscUnboundedXaddQueue"),
                    new Row(1, "RetireBenchmark.cleanerRegisterAndClean"),
                    new Row(2, "ReadSectionBenchmark.reclaimerRead"),
                    new Row(2, "ReadSectionBenchmark.readSideMethod"),
                    new Row(2, "ReadSectionBenchmark.plainCall"),
                    new Row(2, "ReadSectionBenchmark.readWriteLock"),
                    new Row(2, "ReadSectionBenchmark.stampedOptimisticRead"),
                    new Row(3, "SafepointBenchmark.safepointNothingReady"),
                    new Row(3, "SafepointBenchmark.plainIteration"),
                    new Row(3, "SafepointBenchmark.safepointReady1"),
                    new Row(3, "SafepointBenchmark.safepointReady64"),
                    new Row(3, "SafepointBenchmark.safepointReady4096"),
                    new Row(4, "FullCycleBenchmark.mainLoop1"),
                    new Row(4, "FullCycleBenchmark.mainLoop64"),
                    new Row(4, "FullCycleBenchmark.mainLoop4096"),
                    new Row(4, "FullCycleBenchmark.background1"),
                    new Row(4, "FullCycleBenchmark.background64"),
                    new Row(4, "FullCycleBenchmark.background4096"));

    private static final String RETIRE = "RetireBenchmark.";
    private static final String READ = "ReadSectionBenchmark.";
    private static final String STORE = "VolatileStoreBenchmark.volatileStore";

    private static final List<Target> TARGETS =
            List.of(
                    new Target(
                            "1. retire / inline call, 1 thread",
                            "t1." + RETIRE + "deferredRelease",
                            "t1." + RETIRE + "inlineRelease",
                            true,
                            2.5),
                    new Target(
                            "1. retire 2 threads / 1 thread, per op",
                            "t2." + RETIRE + "deferredRelease",
                            "t1." + RETIRE + "deferredRelease",
                            true,
                            1.0),
                    new Target(
                            "1. synchronized queue / retire, 2 threads",
                            "t2." + RETIRE + "synchronizedArrayDeque",
                            "t2." + RETIRE + "deferredRelease",
                            false,
                            5.0),
                    new Target(
                            "1. retire bytes per op, 1 thread",
                            "alloc.t1." + RETIRE + "deferredRelease",
                            null,
                            true,
                            0.5),
                    new Target(
                            "1. retire bytes per op, 2 threads",
                            "alloc.t2." + RETIRE + "deferredRelease",
                            null,
                            true,
                            0.5),
                    new Target(
                            "2. Reclaimer.read() / volatile store, 1 thread",
                            "t1." + READ + "reclaimerRead",
                            "t1." + STORE,
                            true,
                            2.0),
                    new Target(
                            "2. @ReadSide call / volatile store, 1 thread",
                            "t1." + READ + "readSideMethod",
                            "t1." + STORE,
                            true,
                            2.0),
                    new Target(
                            "2. read lock / Reclaimer.read(), 2 threads",
                            "t2." + READ + "readWriteLock",
                            "t2." + READ + "reclaimerRead",
                            false,
                            20.0),
                    new Target(
                            "2. read lock / @ReadSide call, 2 threads",
                            "t2." + READ + "readWriteLock",
                            "t2." + READ + "readSideMethod",
                            false,
                            20.0),
                    new Target(
                            "3. empty safepoint / volatile store, 1 thread",
                            "t1.SafepointBenchmark.safepointNothingReady",
                            "t1." + STORE,
                            true,
                            2.0),
                    new Target(
                            "4. full cycle, main loop, batch 4096, ns per object, 1 thread",
                            "t1.FullCycleBenchmark.mainLoop4096",
                            null,
                            true,
                            15.0),
                    new Target(
                            "4. full cycle, main loop, batch 4096, ns per object, 2 threads",
                            "t2.FullCycleBenchmark.mainLoop4096",
                            null,
                            true,
                            15.0),
                    new Target(
                            "5. sample throughput reclaimer / mutex",
                            "sample.throughput.reclaimer",
                            "sample.throughput.mutex",
                            false,
                            3.0),
                    new Target(
                            "5. sample throughput reclaimer / rwlock",
                            "sample.throughput.reclaimer",
                            "sample.throughput.rwlock",
                            false,
                            2.0),
                    new Target(
                            "6. sample start-up to running, agent / none",
                            "startup.sample.running_ms.agent",
                            "startup.sample.running_ms.none",
                            true,
                            1.10),
                    new Target(
                            "6. large jars class loading, agent / none",
                            "startup.jars.loading_ms.agent",
                            "startup.jars.loading_ms.none",
                            true,
                            1.10));

    private ResultTable() {}

    static String markdown(Figures figures) {
        StringBuilder out = new StringBuilder();
        benchmarkTable(figures, out);
        processTable(figures, out);
        targetTable(figures, out);
        return out.toString();
    }

    /** Returns how many targets were missed or could not be computed. */
    static int missedTargets(Figures figures) {
        int missed = 0;
        for (Target target : TARGETS) {
            OptionalDouble value = value(figures, target);
            if (value.isEmpty() || !met(target, value.getAsDouble())) {
                missed++;
            }
        }
        return missed;
    }

    private static void benchmarkTable(Figures figures, StringBuilder out) {
        out.append(
                "| item | benchmark | ns/op, 1 thread | ns/op, 2 threads"
                        + " | B/op, 1 thread | B/op, 2 threads |\n");
        out.append("| --- | --- | ---: | ---: | ---: | ---: |\n");
        for (Row row : ROWS) {
            String name = row.benchmark();
            out.append(
                    String.format(
                            Locale.ROOT,
                            "| %s | `%s` | %s | %s | %s | %s |%n",
                            row.item() == 0 ? "ref" : row.item(),
                            name,
                            format(figures.get("t1." + name)),
                            format(figures.get("t2." + name)),
                            format(figures.get("alloc.t1." + name)),
                            format(figures.get("alloc.t2." + name))));
        }
        out.append('\n');
    }

    private static void processTable(Figures figures, StringBuilder out) {
        out.append("| item | figure | value |\n| --- | --- | ---: |\n");
        for (String mode : SampleThroughput.MODES) {
            out.append(
                    String.format(
                            Locale.ROOT,
                            "| 5 | sample dispatches/s, `--sync=%s` | %s"
                                    + " (hot-plug events/s: %s; use after release: %s) |%n",
                            mode,
                            format(figures.get("sample.throughput." + mode)),
                            format(figures.get("sample.events_per_second." + mode)),
                            format(figures.get("sample.use_after_release." + mode))));
        }
        out.append(
                String.format(
                        Locale.ROOT,
                        "| 5 | load average before / after the sample's runs | %s / %s |%n",
                        format(figures.get("sample.load_average.start")),
                        format(figures.get("sample.load_average.end"))));
        for (String name :
                List.of(
                        "startup.sample.running_ms",
                        "startup.sample.wall_ms",
                        "startup.jars.loading_ms")) {
            out.append(
                    String.format(
                            Locale.ROOT,
                            "| 6 | `%s` median, no agent / agent | %s / %s |%n",
                            name,
                            format(figures.get(name + ".none")),
                            format(figures.get(name + ".agent"))));
        }
        out.append(
                String.format(
                        Locale.ROOT,
                        "| 6 | jars / classes loaded / classes that failed to link (both ways)"
                                + " | %s / %s / %s |%n%n",
                        format(figures.get("startup.jars.count")),
                        format(figures.get("startup.jars.classes")),
                        format(figures.get("startup.jars.failed"))));
    }

    private static void targetTable(Figures figures, StringBuilder out) {
        out.append("| target | measured | limit | verdict |\n| --- | ---: | ---: | --- |\n");
        for (Target target : TARGETS) {
            OptionalDouble value = value(figures, target);
            String verdict =
                    value.isEmpty()
                            ? "not measured"
                            : met(target, value.getAsDouble()) ? "met" : "MISSED";
            out.append(
                    String.format(
                            Locale.ROOT,
                            "| %s | %s | %s %s | %s |%n",
                            target.text(),
                            format(value),
                            target.atMost() ? "<=" : ">=",
                            format(OptionalDouble.of(target.limit())),
                            verdict));
        }
    }

    private static OptionalDouble value(Figures figures, Target target) {
        OptionalDouble numerator = figures.get(target.numerator());
        if (target.denominator() == null || numerator.isEmpty()) {
            return numerator;
        }
        OptionalDouble denominator = figures.get(target.denominator());
        return denominator.isEmpty()
                ? OptionalDouble.empty()
                : OptionalDouble.of(numerator.getAsDouble() / denominator.getAsDouble());
    }

    private static boolean met(Target target, double value) {
        return target.atMost() ? value <= target.limit() : value >= target.limit();
    }

    private static String format(OptionalDouble value) {
        if (value.isEmpty()) {
            return "n/a";
        }
        double v = value.getAsDouble();
        return Math.abs(v) >= 1000
                ? String.format(Locale.ROOT, "%,.0f", v)
                : String.format(Locale.ROOT, "%.2f", v);
    }
}
