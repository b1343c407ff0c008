package dev.reclaimer.internal;

/**
 * The reclaimer's figures for operators, registered as {@code dev.reclaimer:type=Reclaimer} on the
 * platform MBean server. Read-only: attributes only, no operations, no setters.
 *
 * <p>The engine registers it from its background thread once it has run for {@link
 * Diagnostics#jmxRegistrationDelay()} (ten seconds by default; {@link Diagnostics#jmxEnabled()}
 * turns it off), never while the agent starts or a class initialises, so the application has set up
 * its own JMX and logging first. A failed registration is logged once at WARN and the engine goes
 * on without it.
 *
 * <p>The first six attributes are those of {@link dev.reclaimer.Reclaimer#stats()}; each read takes
 * a fresh snapshot, so two attributes read while the engine works may come from different moments.
 * The drain attributes count drain passes that ran at least one release, by where they ran; a pass
 * that found nothing ready is not counted.
 */
public interface ReclaimerMXBean {

    /**
     * Returns the releases deferred so far.
     *
     * @return {@link dev.reclaimer.ReclaimerStats#retired()}
     */
    long getRetired();

    /**
     * Returns the deferred releases whose body ran and returned normally.
     *
     * @return {@link dev.reclaimer.ReclaimerStats#released()}
     */
    long getReleased();

    /**
     * Returns the deferred releases whose body threw.
     *
     * @return {@link dev.reclaimer.ReclaimerStats#failed()}
     */
    long getFailed();

    /**
     * Returns the deferred releases not yet run.
     *
     * @return {@link dev.reclaimer.ReclaimerStats#pending()}
     */
    long getPending();

    /**
     * Returns the grace periods completed so far.
     *
     * @return {@link dev.reclaimer.ReclaimerStats#gracePeriods()}
     */
    long getGracePeriods();

    /**
     * Returns how long the oldest pending release has waited, 0 when none waits.
     *
     * @return {@link dev.reclaimer.ReclaimerStats#oldestPendingAge()} in milliseconds
     */
    long getOldestPendingAgeMillis();

    /**
     * Returns the longest grace period that completed in the last one to two minutes (the current
     * one-minute window and the one before it), 0 when none did.
     *
     * @return the length in milliseconds
     */
    long getLongestRecentGracePeriodMillis();

    /**
     * Returns the drain passes that ran releases on main-loop threads leaving a safepoint.
     *
     * @return the count
     */
    long getDrainsAtSafepoint();

    /**
     * Returns the drain passes that ran releases on the background drainer.
     *
     * @return the count
     */
    long getDrainsInBackground();

    /**
     * Returns the drain passes that ran releases in the final drain at JVM exit.
     *
     * @return the count
     */
    long getDrainsAtShutdown();

    /**
     * Returns the drain passes that ran releases on threads waiting in {@code barrier()} or held
     * back by the backlog's wait policy.
     *
     * @return the count
     */
    long getDrainsInWaits();
}
