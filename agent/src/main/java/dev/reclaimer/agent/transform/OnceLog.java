package dev.reclaimer.agent.transform;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;

/** Logs a warning at most once per subject, however many times a class is transformed. */
final class OnceLog {

    private final Set<String> subjects = ConcurrentHashMap.newKeySet();
    private final Logger log;

    OnceLog(Logger log) {
        this.log = log;
    }

    /**
     * Warns about {@code subject} unless it was warned about before.
     *
     * @param subject what the warning is about, the deduplication key
     * @param message the message, with {@code {}} placeholders
     * @param arguments the placeholders' values, a throwable last if any
     */
    void warn(String subject, String message, Object... arguments) {
        if (subjects.add(subject)) {
            log.warn(message, arguments);
        }
    }

    /**
     * As {@link #warn}, at info level.
     *
     * @param subject what the message is about
     * @param message the message
     * @param arguments the placeholders' values
     */
    void info(String subject, String message, Object... arguments) {
        if (subjects.add(subject)) {
            log.info(message, arguments);
        }
    }
}
