package dev.reclaimer.agent.config;

import java.util.Locale;
import java.util.Optional;

/**
 * Every configuration key the agent knows, without the {@code reclaimer.} prefix. Any other key
 * under the prefix is an error.
 */
public enum ConfigKey {
    /** {@code true} (default) or {@code false}: whether the agent transforms anything. */
    ENABLED("enabled"),
    /** The configuration file; only as an agent argument, system property or environment. */
    CONFIG("config"),
    /** Selectors of release methods, acting as {@code @DeferredRelease}. */
    RELEASE_METHODS("release-methods"),
    /** Selectors of main-loop iteration methods, acting as {@code @Safepoint}. */
    SAFEPOINTS("safepoints"),
    /** Selectors of read-side methods, acting as {@code @ReadSide}. */
    READ_SECTIONS("read-sections"),
    /** Class patterns the agent may transform; default {@code **}. */
    INCLUDE("include"),
    /** Class patterns the agent never transforms; checked after {@link #INCLUDE}. */
    EXCLUDE("exclude"),
    /** Most releases one safepoint runs. */
    DRAIN_MAX_RELEASES("drain.max-releases"),
    /** Most time one safepoint spends running releases. */
    DRAIN_TIME_BUDGET("drain.time-budget"),
    /** How long releases wait for a safepoint before the background drainer runs them. */
    DRAIN_FALLBACK_DELAY("drain.fallback-delay"),
    /** Pending releases above which the backlog policy applies. */
    BACKLOG_BOUND("backlog.bound"),
    /** {@code warn} or {@code wait}. */
    BACKLOG_POLICY("backlog.policy"),
    /** How long a reader may hold up a grace period before it is reported. */
    STALL_TIMEOUT("stall.timeout"),
    /** How long the final drain at JVM exit may take. */
    SHUTDOWN_TIMEOUT("shutdown.timeout"),
    /** Least time between two log lines for failures of one release site. */
    FAILURE_LOG_INTERVAL("failure.log-interval"),
    /**
     * {@code trace}, {@code debug}, {@code info} (default), {@code warn}, {@code error}, {@code
     * off}.
     */
    LOG_LEVEL("log.level"),
    /** {@code stderr} (default) or {@code slf4j}. */
    LOG_DESTINATION("log.destination"),
    /** {@code true} (default) or {@code false}: whether the read-only MBean is registered. */
    JMX_ENABLED("jmx.enabled"),
    /** How long after start the MBean is registered, so the application sets up JMX first. */
    JMX_REGISTRATION_DELAY("jmx.registration-delay"),
    /** A folder where each transformed class file is written, for {@code javap}; unset: none. */
    DEBUG_DUMP_DIR("debug.dump-dir"),
    /** {@code true} or {@code false} (default): the use-after-release detector. */
    DEBUG_DETECT_USE_AFTER_RELEASE("debug.detect-use-after-release"),
    /** Selectors of the methods that make a released object live again (a pool's hand-out). */
    DEBUG_REVIVE_METHODS("debug.revive-methods"),
    /** {@code true} or {@code false} (default): record the stack of every retire. */
    DEBUG_RECORD_RETIRE_STACKS("debug.record-retire-stacks");

    /** The prefix of every key in files and system properties. */
    public static final String PREFIX = "reclaimer.";

    private final String shortName;

    ConfigKey(String shortName) {
        this.shortName = shortName;
    }

    /**
     * Returns the key as written in a file or a system property: {@code reclaimer.log.level}.
     *
     * @return the full name
     */
    public String propertyName() {
        return PREFIX + shortName;
    }

    /**
     * Returns the environment variable for this key: {@code RECLAIMER_LOG_LEVEL}.
     *
     * @return the variable's name
     */
    public String environmentName() {
        return propertyName().toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /**
     * Returns whether the value is a comma-separated list.
     *
     * @return {@code true} for selector and pattern lists
     */
    public boolean isList() {
        return this == RELEASE_METHODS
                || this == DEBUG_REVIVE_METHODS
                || this == SAFEPOINTS
                || this == READ_SECTIONS
                || this == INCLUDE
                || this == EXCLUDE;
    }

    /**
     * Finds the key with this full name.
     *
     * @param propertyName a name such as {@code reclaimer.enabled}
     * @return the key, or empty when the name is unknown
     */
    public static Optional<ConfigKey> byPropertyName(String propertyName) {
        for (ConfigKey key : values()) {
            if (key.propertyName().equals(propertyName)) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }
}
