package dev.reclaimer.internal;

/** Where a drain pass runs; the metrics count passes by place. */
enum DrainPlace {
    /** A main-loop thread leaving its outermost safepoint method. */
    SAFEPOINT("safepoint"),
    /** The background drainer, when no safepoint drained for the fallback delay. */
    BACKGROUND("background"),
    /** The shutdown hook's final drain. */
    SHUTDOWN("shutdown"),
    /** A thread in {@code barrier()} or held back by the backlog's wait policy, helping. */
    WAIT("wait");

    private final String label;

    DrainPlace(String label) {
        this.label = label;
    }

    /** Returns the lower-case name used in events. */
    String label() {
        return label;
    }
}
