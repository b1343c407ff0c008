package dev.reclaimer.internal;

import dev.reclaimer.internal.jfr.FlightEvents;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The figures the engine's counters do not already hold: drain passes by place and the longest
 * recent grace period. It also hands both to Flight Recorder.
 *
 * <h2>Protocol</h2>
 *
 * <p><b>Drains</b> are counted in one {@link LongAdder} per place: several safepoints may finish a
 * pass at once, and an adder keeps them off one contended cache line. Only passes that ran at least
 * one release are counted, so an idle loop does not inflate them.
 *
 * <p><b>Longest recent grace period.</b> Grace periods are timed in fixed windows of {@link
 * #WINDOW_NANOS}; the figure is the longest that completed in the current window or the one before,
 * so it covers the last one to two minutes. The window fields are guarded by this object's monitor,
 * taken once per completed grace period by the thread whose CAS completed it, and by readers of the
 * figure; that is far rarer than a read section and never on a reader's path.
 */
final class OperationsMetrics {

    /** Length of one window of the longest-recent-grace-period figure. */
    static final long WINDOW_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Map<DrainPlace, LongAdder> drains = new EnumMap<>(DrainPlace.class);

    private long windowStartNanos = System.nanoTime();
    private long longestInWindow;
    private long longestInPreviousWindow;

    OperationsMetrics() {
        for (DrainPlace place : DrainPlace.values()) {
            drains.put(place, new LongAdder());
        }
    }

    /** Records a drain pass; passes that ran nothing are not counted. */
    void onDrain(DrainPlace place, int releases, long durationNanos) {
        if (releases > 0) {
            drains.get(place).increment();
            FlightEvents.drain(place.label(), releases, durationNanos);
        }
    }

    /** Returns the drain passes at {@code place} that ran at least one release. */
    long drains(DrainPlace place) {
        return drains.get(place).sum();
    }

    /** Records a completed grace period that lasted {@code durationNanos}. */
    void onGracePeriod(long durationNanos, long now) {
        synchronized (this) {
            rotate(now);
            longestInWindow = Math.max(longestInWindow, durationNanos);
        }
        FlightEvents.gracePeriod(durationNanos);
    }

    /** Returns the longest grace period completed in the last one to two minutes, in nanos. */
    synchronized long longestRecentGracePeriodNanos(long now) {
        rotate(now);
        return Math.max(longestInWindow, longestInPreviousWindow);
    }

    private void rotate(long now) {
        long elapsed = now - windowStartNanos;
        if (elapsed < WINDOW_NANOS) {
            return;
        }
        longestInPreviousWindow = elapsed < 2 * WINDOW_NANOS ? longestInWindow : 0;
        longestInWindow = 0;
        windowStartNanos = now - elapsed % WINDOW_NANOS;
    }
}
