package dev.reclaimer.agent.config;

/**
 * A configuration that cannot be used. The message names where the problem is (file and line, or
 * the source), the key, and what is wrong, in one line meant for the operator.
 */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The 1-based file line of the problem, or 0 when it is not about a file line. */
    private final int line;

    /**
     * Creates the exception for a problem with one key.
     *
     * @param origin where the value came from
     * @param key the key as the user wrote it
     * @param problem what is wrong
     */
    public ConfigException(ConfigOrigin origin, String key, String problem) {
        super(origin.describe() + ", key " + key + ": " + problem);
        this.line = origin.line();
    }

    /**
     * Creates the exception for a problem that is not about one key, such as an unreadable file.
     *
     * @param message the whole message
     * @param cause the underlying failure, or {@code null}
     */
    public ConfigException(String message, Throwable cause) {
        super(message, cause);
        this.line = 0;
    }

    /**
     * Returns the file line the problem is on, so a list of problems can be put in file order.
     *
     * @return the 1-based line, or 0 when the problem is not about one line of a file
     */
    public int line() {
        return line;
    }
}
