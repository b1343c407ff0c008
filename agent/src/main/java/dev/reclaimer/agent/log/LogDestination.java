package dev.reclaimer.agent.log;

import java.util.Locale;

/** Where the agent's and the runtime's log lines go. */
public enum LogDestination {
    /** Lines of the form {@code [reclaimer] LEVEL message} on the process's standard error. */
    STDERR,
    /**
     * The application's own SLF4J logging, found on the system class loader once start-up is over;
     * standard error when the application has none.
     */
    SLF4J;

    /**
     * Parses a destination name, case-insensitively.
     *
     * @param text {@code stderr} or {@code slf4j}
     * @return the destination
     * @throws IllegalArgumentException if {@code text} names no destination
     */
    public static LogDestination parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected stderr or slf4j, was '" + text + "'", e);
        }
    }
}
