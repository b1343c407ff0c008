package dev.reclaimer.agent.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Where configuration problems go while loading: every one is kept, so the {@code check} command
 * lists all the mistakes of a file in one run, and the agent reports the first of them in file
 * order (it then starts disabled, and one message is enough).
 */
final class Problems {

    private final List<ConfigException> found = new ArrayList<>();

    private Problems() {}

    /** Problems that are kept while loading goes on. */
    static Problems collectAll() {
        return new Problems();
    }

    /**
     * Keeps a problem.
     *
     * @param problem the problem
     */
    void report(ConfigException problem) {
        found.add(problem);
    }

    /** The problems kept so far, in the order found. */
    List<ConfigException> found() {
        return List.copyOf(found);
    }
}
