package dev.reclaimer.internal;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs failing release bodies: the first failure of each release site at WARN with its stack trace,
 * later ones at most once per interval, with how many were suppressed in between.
 *
 * <p>Failures are the slow path. The per-site state is created once through a concurrent map and
 * then updated under its own monitor, so two drainers failing the same site at once neither lose a
 * suppressed count nor both log.
 */
final class FailureLog {

    private static final Logger LOG = LoggerFactory.getLogger(FailureLog.class);

    private final ConcurrentHashMap<String, SiteFailures> bySite = new ConcurrentHashMap<>();
    private final long intervalNanos;

    FailureLog(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    /**
     * Records and perhaps logs one failure.
     *
     * @param siteName the release site's readable name
     * @param failure what the body threw
     */
    void report(String siteName, Throwable failure) {
        bySite.computeIfAbsent(siteName, name -> new SiteFailures()).report(siteName, failure);
    }

    /** One site's failure history. */
    private final class SiteFailures {
        private boolean reportedOnce;
        private long lastReportNanos;
        private long suppressed;

        synchronized void report(String siteName, Throwable failure) {
            long now = System.nanoTime();
            if (!reportedOnce) {
                reportedOnce = true;
                lastReportNanos = now;
                LOG.warn(
                        "Release {} failed; later failures are logged at most every {} ms",
                        siteName,
                        intervalNanos / 1_000_000,
                        failure);
            } else if (now - lastReportNanos >= intervalNanos) {
                LOG.warn(
                        "Release {} failed again ({} failures suppressed since the last report):"
                                + " {}",
                        siteName,
                        suppressed,
                        failure.toString());
                lastReportNanos = now;
                suppressed = 0;
            } else {
                suppressed++;
            }
        }
    }
}
