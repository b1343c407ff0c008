package dev.reclaimer.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * The engine's operations and debugging options, immutable, kept apart from {@link Settings} so the
 * agent's existing calls stay as they are. {@link Engine#configure(Settings, Diagnostics)} takes
 * both.
 *
 * @param detectUseAfterRelease whether released objects are marked, so the checks the agent injects
 *     into their instance methods throw {@link dev.reclaimer.UseAfterReleaseException}; when off,
 *     nothing of the detector runs
 * @param recordRetireStacks whether each retire captures its stack, for the shutdown leak report
 *     and the detector's message; costly (a {@link Throwable} per retire), for debugging only
 * @param jmxRegistrationDelay how long after the engine starts its background thread registers the
 *     {@code dev.reclaimer:type=Reclaimer} MBean
 * @param jmxEnabled whether the MBean is registered at all
 */
public record Diagnostics(
        boolean detectUseAfterRelease,
        boolean recordRetireStacks,
        Duration jmxRegistrationDelay,
        boolean jmxEnabled) {

    private static final Diagnostics DEFAULTS =
            new Diagnostics(false, false, Duration.ofSeconds(10), true);

    /** Checks the delay, which may be zero but not negative. */
    public Diagnostics {
        Objects.requireNonNull(jmxRegistrationDelay, "jmxRegistrationDelay");
        if (jmxRegistrationDelay.isNegative()) {
            throw new IllegalArgumentException(
                    "jmxRegistrationDelay must not be negative, was " + jmxRegistrationDelay);
        }
    }

    /**
     * Returns the options used when nothing is configured: no detector, no retire stacks, the MBean
     * registered ten seconds after start.
     *
     * @return the defaults
     */
    public static Diagnostics defaults() {
        return DEFAULTS;
    }
}
