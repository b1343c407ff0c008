package dev.reclaimer.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs, once per JVM, an internal failure of the use-after-release detector's hooks; the hooks then
 * go on as if the object were live. The flag is atomic so two failing threads log once.
 */
final class LiveCheckFailure {

    private static final Logger LOG = LoggerFactory.getLogger(LiveCheckFailure.class);
    private static final AtomicBoolean LOGGED = new AtomicBoolean();

    private LiveCheckFailure() {}

    /** Logs {@code failure} unless one was logged before. */
    static void report(Throwable failure) {
        if (LOGGED.compareAndSet(false, true)) {
            LOG.error(
                    "The use-after-release detector failed; objects are treated as live (logged"
                            + " once)",
                    failure);
        }
    }
}
