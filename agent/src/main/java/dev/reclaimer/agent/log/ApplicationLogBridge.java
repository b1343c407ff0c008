package dev.reclaimer.agent.log;

import dev.reclaimer.agent.log.AgentLogging.LogRecord;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Forwards lines to the application's own SLF4J, reached reflectively through the system class
 * loader, and falls back to standard error when there is none or it fails.
 *
 * <h2>Protocol</h2>
 *
 * The application's logging is resolved at most once, on the first forwarded line, which comes only
 * after start-up (see {@link AgentLogging}). Two threads may resolve it at the same time; both get
 * the same answer and one publication wins, a race accepted as harmless. Loggers are cached per
 * name in a concurrent map.
 */
final class ApplicationLogBridge {

    /**
     * The application's SLF4J names, assembled at run time: written as one literal, the shading of
     * the agent jar would rewrite them to the agent's own relocated copy.
     */
    private static final String SLF4J_PACKAGE = String.join(".", "org", "slf4j");

    private static final Map<String, Object> LOGGERS = new ConcurrentHashMap<>();

    /** Null until resolved; {@link Target#ABSENT} when the application has no usable SLF4J. */
    private static volatile Target target;

    private ApplicationLogBridge() {}

    /**
     * Forwards {@code record} to the application's SLF4J, or prints it when that is impossible.
     *
     * @param record the line
     */
    static void forwardOrPrint(LogRecord record) {
        Target resolved = resolve();
        if (resolved == Target.ABSENT || !resolved.forward(record)) {
            AgentLogging.printToStderr(record);
        }
    }

    private static Target resolve() {
        Target current = target;
        if (current == null) {
            current = Target.find();
            target = current;
        }
        return current;
    }

    /** The application's {@code LoggerFactory.getLogger} and the logger methods per level. */
    private record Target(Method getLogger, Class<?> loggerType) {

        static final Target ABSENT = new Target(null, null);

        static Target find() {
            try {
                ClassLoader app = ClassLoader.getSystemClassLoader();
                Class<?> factory = Class.forName(SLF4J_PACKAGE + ".LoggerFactory", true, app);
                if (factory.getClassLoader() == ApplicationLogBridge.class.getClassLoader()) {
                    // Our own copy (an unshaded build): forwarding would loop back here.
                    return ABSENT;
                }
                Class<?> loggerType = Class.forName(SLF4J_PACKAGE + ".Logger", false, app);
                return new Target(factory.getMethod("getLogger", String.class), loggerType);
            } catch (ReflectiveOperationException | LinkageError e) {
                return ABSENT;
            }
        }

        boolean forward(LogRecord record) {
            try {
                Object logger = LOGGERS.computeIfAbsent(record.loggerName(), this::loggerFor);
                String level = record.level().name().toLowerCase(Locale.ROOT);
                loggerType
                        .getMethod(level, String.class, Throwable.class)
                        .invoke(logger, record.message(), record.thrown());
                return true;
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                return false;
            }
        }

        private Object loggerFor(String name) {
            try {
                return getLogger.invoke(null, name);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("application LoggerFactory failed", e);
            }
        }
    }
}
