package dev.reclaimer.internal.jfr;

import jdk.jfr.EventType;
import jdk.jfr.FlightRecorder;

/**
 * The only class that links against {@code jdk.jfr}; {@link FlightEvents} calls it and catches the
 * {@link LinkageError} of a JVM without that module.
 *
 * <p>{@link FlightRecorder#isInitialized()} is a static load: while no recording was ever started
 * in this JVM, nothing else runs and nothing is allocated. The event types are looked up only after
 * that, in {@link Types}, so the emitter never initialises Flight Recorder itself.
 */
final class Emitter {

    private Emitter() {}

    static void gracePeriod(long durationNanos) {
        if (!FlightRecorder.isInitialized() || !Types.GRACE_PERIOD.isEnabled()) {
            return;
        }
        GracePeriodEvent event = new GracePeriodEvent();
        event.gracePeriodDuration = durationNanos;
        event.commit();
    }

    static void drain(String place, int releases, long durationNanos) {
        if (!FlightRecorder.isInitialized() || !Types.DRAIN.isEnabled()) {
            return;
        }
        DrainEvent event = new DrainEvent();
        event.place = place;
        event.releases = releases;
        event.drainDuration = durationNanos;
        event.commit();
    }

    static void stall(Thread reader, String section, long durationNanos, boolean ended) {
        if (!FlightRecorder.isInitialized() || !Types.STALL.isEnabled()) {
            return;
        }
        StallEvent event = new StallEvent();
        event.readerThread = reader.getName();
        event.section = section;
        event.stallDuration = durationNanos;
        event.ended = ended;
        event.commit();
    }

    static void releaseFailed(String site, Throwable failure) {
        if (!FlightRecorder.isInitialized() || !Types.RELEASE_FAILED.isEnabled()) {
            return;
        }
        ReleaseFailedEvent event = new ReleaseFailedEvent();
        event.site = site;
        event.exceptionClass = failure.getClass().getName();
        event.exceptionMessage = failure.getMessage();
        event.commit();
    }

    /** The event types, looked up on first use, once Flight Recorder is initialised. */
    private static final class Types {
        static final EventType GRACE_PERIOD = EventType.getEventType(GracePeriodEvent.class);
        static final EventType DRAIN = EventType.getEventType(DrainEvent.class);
        static final EventType STALL = EventType.getEventType(StallEvent.class);
        static final EventType RELEASE_FAILED = EventType.getEventType(ReleaseFailedEvent.class);

        private Types() {}
    }
}
