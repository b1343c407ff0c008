package dev.reclaimer.internal.jfr;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emits the reclaimer's Flight Recorder events, or nothing in a JVM without {@code jdk.jfr}. Every
 * method returns at once when no recording was started, and never throws.
 *
 * <p>{@code unavailable} is volatile and only ever set: after the first {@link LinkageError}, every
 * later call returns without touching {@link Emitter}. Two threads that both fail first both set it
 * and may both log, which is harmless.
 */
public final class FlightEvents {

    private static final Logger LOG = LoggerFactory.getLogger(FlightEvents.class);

    private static volatile boolean unavailable;

    private FlightEvents() {}

    /**
     * Records a completed grace period.
     *
     * @param durationNanos from its start to its end
     */
    public static void gracePeriod(long durationNanos) {
        if (unavailable) {
            return;
        }
        try {
            Emitter.gracePeriod(durationNanos);
        } catch (LinkageError e) {
            disable(e);
        }
    }

    /**
     * Records a drain pass that ran releases.
     *
     * @param place where it ran: {@code safepoint}, {@code background}, {@code shutdown} or {@code
     *     wait}
     * @param releases how many bodies it ran
     * @param durationNanos how long it took
     */
    public static void drain(String place, int releases, long durationNanos) {
        if (unavailable) {
            return;
        }
        try {
            Emitter.drain(place, releases, durationNanos);
        } catch (LinkageError e) {
            disable(e);
        }
    }

    /**
     * Records a stalled reader, at each report and when the stall ends.
     *
     * @param reader the reader's thread
     * @param section the readable name of its section
     * @param durationNanos how long it has held up grace periods so far
     * @param ended whether it has left the section
     */
    public static void stall(Thread reader, String section, long durationNanos, boolean ended) {
        if (unavailable) {
            return;
        }
        try {
            Emitter.stall(reader, section, durationNanos, ended);
        } catch (LinkageError e) {
            disable(e);
        }
    }

    /**
     * Records a failed release body.
     *
     * @param site the release site's readable name
     * @param failure what the body threw
     */
    public static void releaseFailed(String site, Throwable failure) {
        if (unavailable) {
            return;
        }
        try {
            Emitter.releaseFailed(site, failure);
        } catch (LinkageError e) {
            disable(e);
        }
    }

    private static void disable(LinkageError cause) {
        unavailable = true;
        LOG.debug("Flight Recorder is not available in this JVM; no reclaimer events", cause);
    }
}
