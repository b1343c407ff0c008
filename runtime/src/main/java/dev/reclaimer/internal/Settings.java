package dev.reclaimer.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * The engine's tunables, immutable. The agent builds one from its configuration; a plain library
 * use gets {@link #defaults()}.
 *
 * @param drainMaxReleases most releases one safepoint runs before returning to its loop; twice as
 *     many while its own thread's backlog is more than twice this
 * @param drainTimeBudget most time one safepoint spends running releases
 * @param fallbackDelay how long pending releases may wait for a safepoint before the background
 *     drainer runs them
 * @param backlogBound pending releases above which {@code backlogPolicy} applies
 * @param backlogPolicy what a retiring thread does above the bound
 * @param stallTimeout how long a reader may hold up a grace period before it is reported
 * @param shutdownTimeout how long the shutdown hook may spend on the final grace period and drain
 * @param failureLogInterval least time between two log entries for failures of one release site,
 *     after the first
 */
public record Settings(
        int drainMaxReleases,
        Duration drainTimeBudget,
        Duration fallbackDelay,
        long backlogBound,
        BacklogPolicy backlogPolicy,
        Duration stallTimeout,
        Duration shutdownTimeout,
        Duration failureLogInterval) {

    private static final Settings DEFAULTS =
            new Settings(
                    256,
                    Duration.ofMillis(1),
                    Duration.ofMillis(100),
                    1_000_000,
                    BacklogPolicy.WARN,
                    Duration.ofSeconds(10),
                    Duration.ofSeconds(10),
                    Duration.ofSeconds(10));

    /** Checks every value; the agent turns these messages into configuration errors. */
    public Settings {
        requirePositive(drainMaxReleases, "drainMaxReleases");
        requirePositive(drainTimeBudget, "drainTimeBudget");
        requirePositive(fallbackDelay, "fallbackDelay");
        requirePositive(backlogBound, "backlogBound");
        Objects.requireNonNull(backlogPolicy, "backlogPolicy");
        requirePositive(stallTimeout, "stallTimeout");
        requirePositive(shutdownTimeout, "shutdownTimeout");
        requirePositive(failureLogInterval, "failureLogInterval");
    }

    /**
     * Returns the settings used when nothing is configured.
     *
     * @return the defaults
     */
    public static Settings defaults() {
        return DEFAULTS;
    }

    private static void requirePositive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
