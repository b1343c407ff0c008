package dev.reclaimer.internal;

/** What a retiring thread does when the number of pending releases is above the bound. */
public enum BacklogPolicy {
    /** Log the backlog, rate-limited, and go on. Memory may keep growing. */
    WARN,
    /**
     * Make the retiring thread wait for a grace period and drain what became ready, unless it is
     * itself a reader (waiting there could never end), in which case log as {@link #WARN} does.
     */
    WAIT
}
