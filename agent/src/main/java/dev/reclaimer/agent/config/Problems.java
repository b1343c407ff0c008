package dev.reclaimer.agent.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Where configuration problems go while loading. The agent stops at the first one (it starts
 * disabled, and one message is enough); the {@code check} command collects every one so a single
 * run lists all the mistakes of a file.
 */
final class Problems {

    private final boolean collectAll;
    private final List<ConfigException> found = new ArrayList<>();

    private Problems(boolean collectAll) {
        this.collectAll = collectAll;
    }

    /** Problems that end loading at the first one. */
    static Problems failFast() {
        return new Problems(false);
    }

    /** Problems that are kept while loading goes on. */
    static Problems collectAll() {
        return new Problems(true);
    }

    /**
     * Reports a problem: throws it when failing fast, else keeps it.
     *
     * @param problem the problem
     * @throws ConfigException when failing fast
     */
    void report(ConfigException problem) throws ConfigException {
        if (!collectAll) {
            throw problem;
        }
        found.add(problem);
    }

    /** The problems kept so far, in the order found. */
    List<ConfigException> found() {
        return List.copyOf(found);
    }
}
