package dev.reclaimer.agent.log;

import java.util.Locale;

/** The agent's log levels, most verbose first; {@link #OFF} silences everything. */
public enum LogLevel {
    /** Every detail. */
    TRACE,
    /** Per-class and per-method decisions, effective configuration values. */
    DEBUG,
    /** The start-up summary and selectors that matched nothing. */
    INFO,
    /** Refused methods, classes left unmodified, configuration errors, failing release bodies. */
    WARN,
    /** Only broken invariants of the agent or the runtime. */
    ERROR,
    /** Nothing at all. */
    OFF;

    /**
     * Parses a level name, case-insensitively.
     *
     * @param text the name, such as {@code info}
     * @return the level
     * @throws IllegalArgumentException if {@code text} names no level
     */
    public static LogLevel parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "expected one of trace, debug, info, warn, error, off, was '" + text + "'", e);
        }
    }

    /**
     * Returns whether a message at {@code level} passes this threshold.
     *
     * @param level the message's level
     * @return {@code true} when the message is to be written
     */
    public boolean admits(LogLevel level) {
        return this != OFF && level.ordinal() >= ordinal();
    }
}
