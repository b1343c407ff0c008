package dev.reclaimer.agent.log;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The one switchboard every logger of the agent and of the runtime (inside the agent jar) writes
 * through: a level threshold and a destination, set once from the configuration.
 *
 * <h2>Protocol</h2>
 *
 * <ul>
 *   <li>Roles: the installing thread calls {@link #configure} once, before it transforms anything;
 *       any thread logs; one thread (the end-of-start-up timer or the shutdown hook) calls {@link
 *       #startupFinished()}.
 *   <li>The threshold and destination are volatile: a logging thread sees either the defaults or
 *       the configured values, both valid; a line logged during that instant may use the defaults,
 *       a race accepted as harmless.
 *   <li>With the SLF4J destination, lines logged before start-up is over are buffered under {@link
 *       #LOCK}, because resolving the application's logging while the agent starts would initialise
 *       it before the application configured it. {@link #startupFinished()} replays the buffer and
 *       only then sets {@code started}, both under the lock: a thread logging meanwhile waits, so
 *       no line is lost and none overtakes an earlier one.
 * </ul>
 */
public final class AgentLogging {

    /** Lines kept while the SLF4J destination waits for start-up to end; more are counted. */
    private static final int STARTUP_BUFFER_LIMIT = 10_000;

    private static final Object LOCK = new Object();

    private static volatile LogLevel threshold = LogLevel.INFO;
    private static volatile LogDestination destination = LogDestination.STDERR;

    /** Guarded by {@link #LOCK}. */
    private static boolean started;

    /** Guarded by {@link #LOCK}. */
    private static final List<LogRecord> startupBuffer = new ArrayList<>();

    /** Guarded by {@link #LOCK}. */
    private static int droppedDuringStartup;

    private AgentLogging() {}

    /**
     * Sets the threshold and the destination.
     *
     * @param level the least level written
     * @param where where lines go
     */
    public static void configure(LogLevel level, LogDestination where) {
        threshold = level;
        destination = where;
    }

    /**
     * Returns whether a line at {@code level} would be written.
     *
     * @param level the line's level
     * @return {@code true} when it passes the threshold
     */
    public static boolean isEnabled(LogLevel level) {
        return threshold.admits(level);
    }

    /**
     * Marks the end of start-up: the SLF4J destination may now resolve the application's logging.
     * Replays what was buffered. Idempotent.
     */
    public static void startupFinished() {
        synchronized (LOCK) {
            if (started) {
                return;
            }
            for (LogRecord record : startupBuffer) {
                ApplicationLogBridge.forwardOrPrint(record);
            }
            if (droppedDuringStartup > 0) {
                ApplicationLogBridge.forwardOrPrint(droppedNotice());
            }
            startupBuffer.clear();
            started = true;
        }
    }

    /**
     * Writes one line if its level passes the threshold.
     *
     * @param loggerName the name of the logger, for the application's logging
     * @param level the line's level
     * @param message the formatted message
     * @param thrown a throwable to attach, or {@code null}
     */
    public static void log(String loggerName, LogLevel level, String message, Throwable thrown) {
        if (!isEnabled(level)) {
            return;
        }
        LogRecord record = new LogRecord(loggerName, level, message, thrown);
        if (destination == LogDestination.STDERR) {
            printToStderr(record);
            return;
        }
        synchronized (LOCK) {
            if (!started) {
                buffer(record);
                return;
            }
        }
        ApplicationLogBridge.forwardOrPrint(record);
    }

    /**
     * Writes a line to standard error as {@code [reclaimer] LEVEL message}, with the stack trace if
     * any. Reads {@link System#err} on every call, so a redirected stream is honoured.
     *
     * @param record the line
     */
    static void printToStderr(LogRecord record) {
        StringBuilder line = new StringBuilder(64 + record.message().length());
        line.append("[reclaimer] ").append(record.level()).append(' ').append(record.message());
        if (record.thrown() != null) {
            StringWriter trace = new StringWriter();
            record.thrown().printStackTrace(new PrintWriter(trace));
            line.append(System.lineSeparator()).append(trace.toString().stripTrailing());
        }
        PrintStream err = System.err;
        err.println(line);
    }

    private static void buffer(LogRecord record) {
        if (startupBuffer.size() < STARTUP_BUFFER_LIMIT) {
            startupBuffer.add(record);
        } else {
            droppedDuringStartup++;
        }
    }

    private static LogRecord droppedNotice() {
        return new LogRecord(
                AgentLogging.class.getName(),
                LogLevel.WARN,
                droppedDuringStartup + " log lines from start-up were dropped (buffer full)",
                null);
    }

    /**
     * One line to write.
     *
     * @param loggerName the logger's name
     * @param level the level
     * @param message the formatted message
     * @param thrown the attached throwable, or {@code null}
     */
    record LogRecord(String loggerName, LogLevel level, String message, Throwable thrown) {}
}
