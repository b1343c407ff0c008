package dev.reclaimer.sample;

import dev.reclaimer.sample.machine.SyncMode;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line of the sample, parsed and checked. Every option is {@code --name=value}; the
 * defaults make a plain run last about ten seconds.
 *
 * @param sync how readers are protected
 * @param plainClasses whether to use the machine's classes without annotations, for a run
 *     configured only by a Reclaimer configuration file
 * @param duration how long the machine runs
 * @param vcpus how many vCPU threads dispatch
 * @param regions how many regions are plugged at the start; the address space has twice as many
 *     slots and never fewer than half as many regions
 * @param regionBytes the size of each region
 * @param batch accesses per vCPU iteration and per inspector read section
 * @param linger how long a reader pauses between lookup and access
 * @param lingerEvery a reader pauses on one access in this many, {@code 0} never
 * @param eventsPerSecond the control loop's fixed rate of hot-plug events, the same whatever the
 *     mode, {@code 0} for back to back
 * @param seed the seed of all random sequences
 */
record Options(
        SyncMode sync,
        boolean plainClasses,
        Duration duration,
        int vcpus,
        int regions,
        int regionBytes,
        int batch,
        Duration linger,
        int lingerEvery,
        int eventsPerSecond,
        long seed) {

    /** What {@code --help} prints. */
    static final String USAGE =
            String.join(
                    "\n",
                    "usage: java [-javaagent:reclaimer-agent.jar] -jar reclaimer-sample-app.jar"
                            + " [--name=value ...]",
                    "  --sync=reclaimer|rwlock|mutex  how readers are protected (reclaimer)",
                    "  --classes=marked|plain         annotated classes, or plain ones for a run"
                            + " configured by file (marked)",
                    "  --duration=12s                 how long to run (units: ms, s, m)",
                    "  --vcpus=2                      vCPU threads dispatching accesses",
                    "  --regions=16                   regions at the start (32 slots)",
                    "  --region-bytes=4096            size of each region, a multiple of 8",
                    "  --batch=64                     accesses per vCPU iteration or read section",
                    "  --linger=5us                   a reader's pause between lookup and access",
                    "  --linger-every=64              pause on one access in this many (0: never)",
                    "  --events-per-second=2000       fixed rate of hot-plug events (0: back to"
                            + " back)",
                    "  --seed=42                      seed of the random sequences",
                    "  --help                         print this and exit");

    /** The most events per second a paced control loop is asked for: one per microsecond. */
    private static final int MOST_EVENTS_PER_SECOND = 1_000_000;

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ns|us|ms|s|m)");

    /** Checks the values; the messages name the option. */
    Options {
        requireAtLeast(vcpus, 1, "--vcpus");
        requireAtLeast(regions, 2, "--regions");
        requireAtLeast(regionBytes, Long.BYTES, "--region-bytes");
        requireAtLeast(batch, 1, "--batch");
        requireAtLeast(lingerEvery, 0, "--linger-every");
        requireAtLeast(eventsPerSecond, 0, "--events-per-second");
        if (eventsPerSecond > MOST_EVENTS_PER_SECOND) {
            throw new IllegalArgumentException(
                    "--events-per-second must be at most " + MOST_EVENTS_PER_SECOND);
        }
        if (regionBytes % Long.BYTES != 0) {
            throw new IllegalArgumentException("--region-bytes must be a multiple of 8");
        }
        if (duration.isZero()) {
            throw new IllegalArgumentException("--duration must be positive");
        }
    }

    /**
     * Parses the arguments.
     *
     * @param args the command line
     * @return the options, defaults filled in
     * @throws IllegalArgumentException naming the first argument that is wrong, and why
     */
    static Options parse(String... args) {
        Map<String, String> values = new TreeMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("expected --name=value, got '" + arg + "'");
            }
            values.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        Options options = fromValues(values);
        if (!values.isEmpty()) {
            throw new IllegalArgumentException(
                    "unknown option --" + values.keySet().iterator().next());
        }
        return options;
    }

    private static Options fromValues(Map<String, String> values) {
        return new Options(
                take(values, "sync", "reclaimer", Options::syncMode),
                take(values, "classes", "marked", Options::plain),
                take(values, "duration", "12s", Options::duration),
                take(values, "vcpus", "2", Integer::parseInt),
                take(values, "regions", "16", Integer::parseInt),
                take(values, "region-bytes", "4096", Integer::parseInt),
                take(values, "batch", "64", Integer::parseInt),
                take(values, "linger", "5us", Options::duration),
                take(values, "linger-every", "64", Integer::parseInt),
                take(values, "events-per-second", "2000", Integer::parseInt),
                take(values, "seed", "42", Long::parseLong));
    }

    /** Removes and converts one option, so that what is left over is unknown. */
    private static <T> T take(
            Map<String, String> values, String name, String fallback, Function<String, T> parser) {
        String text = values.containsKey(name) ? values.remove(name) : fallback;
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "--" + name + "=" + text + " is not valid: " + e.getMessage(), e);
        }
    }

    /**
     * Returns the time between two hot-plug events.
     *
     * @return the period in nanoseconds, {@code 0} for back to back
     */
    long eventPeriodNanos() {
        return eventsPerSecond == 0 ? 0 : 1_000_000_000L / eventsPerSecond;
    }

    private static SyncMode syncMode(String text) {
        for (SyncMode mode : SyncMode.values()) {
            if (mode.name().toLowerCase(Locale.ROOT).equals(text)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("expected reclaimer, rwlock or mutex");
    }

    private static boolean plain(String text) {
        switch (text) {
            case "marked":
                return false;
            case "plain":
                return true;
            default:
                throw new IllegalArgumentException("expected marked or plain");
        }
    }

    /** Parses {@code 10s}, {@code 500ms}, {@code 20us}, {@code 2m} or {@code 0}. */
    static Duration duration(String text) {
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        Matcher matcher = DURATION.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("expected a number and a unit: ns, us, ms, s or m");
        }
        long amount = Long.parseLong(matcher.group(1));
        switch (matcher.group(2)) {
            case "ns":
                return Duration.ofNanos(amount);
            case "us":
                return Duration.ofNanos(amount * 1_000);
            case "ms":
                return Duration.ofMillis(amount);
            case "s":
                return Duration.ofSeconds(amount);
            default:
                return Duration.ofMinutes(amount);
        }
    }

    private static void requireAtLeast(int value, int least, String name) {
        if (value < least) {
            throw new IllegalArgumentException(name + " must be at least " + least + ": " + value);
        }
    }
}
