package dev.reclaimer.agent.config;

/**
 * A configuration that cannot be used. The message names where the problem is (file and line, or
 * the source), the key, and what is wrong, in one line meant for the operator.
 */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for a problem with one key.
     *
     * @param origin where the value came from
     * @param key the key as the user wrote it
     * @param problem what is wrong
     */
    public ConfigException(ConfigOrigin origin, String key, String problem) {
        super(origin.describe() + ", key " + key + ": " + problem);
    }

    /**
     * Creates the exception for a problem that is not about one key, such as an unreadable file.
     *
     * @param message the whole message
     * @param cause the underlying failure, or {@code null}
     */
    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
