package dev.reclaimer.agent.config;

/**
 * Where a configuration value came from, for error messages and the debug log.
 *
 * @param source the kind of source
 * @param file the configuration file, for {@link Source#FILE}, else {@code null}
 * @param line the 1-based line in the file where the key starts, else 0
 */
public record ConfigOrigin(Source source, String file, int line) {

    /** The four sources, highest precedence first, and the defaults. */
    public enum Source {
        /** {@code -javaagent:reclaimer-agent.jar=key=value,...}. */
        AGENT_ARGUMENTS,
        /** {@code -Dreclaimer.key=value}. */
        SYSTEM_PROPERTY,
        /** {@code RECLAIMER_KEY=value}. */
        ENVIRONMENT,
        /** The configuration file. */
        FILE,
        /** Built in. */
        DEFAULT
    }

    /**
     * Returns an origin that is not a file.
     *
     * @param source the source
     * @return the origin
     */
    public static ConfigOrigin of(Source source) {
        return new ConfigOrigin(source, null, 0);
    }

    /**
     * Returns a position in the configuration file.
     *
     * @param file the file as the user named it
     * @param line the 1-based line
     * @return the origin
     */
    public static ConfigOrigin inFile(String file, int line) {
        return new ConfigOrigin(Source.FILE, file, line);
    }

    /**
     * Describes the origin for a message: {@code file /etc/r.properties line 3}.
     *
     * @return the description
     */
    public String describe() {
        return switch (source) {
            case AGENT_ARGUMENTS -> "agent arguments";
            case SYSTEM_PROPERTY -> "system property";
            case ENVIRONMENT -> "environment";
            case FILE -> line > 0 ? "file " + file + " line " + line : "file " + file;
            case DEFAULT -> "default";
        };
    }
}
