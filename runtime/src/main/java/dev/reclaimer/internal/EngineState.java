package dev.reclaimer.internal;

/**
 * The life of an engine. Transitions only go forward, by CAS on the engine's state field: {@code
 * RUNNING -> SHUTTING_DOWN -> SHUT_DOWN}.
 */
enum EngineState {
    /** Retires are queued and drained. */
    RUNNING,
    /** The final drain is under way; retires are still queued and picked up by it. */
    SHUTTING_DOWN,
    /** The final drain is over; a retire runs its body inline. */
    SHUT_DOWN;

    private static final EngineState[] BY_CODE = values();

    /** Returns the state stored as {@code code}, throwing on a value no state has. */
    static EngineState of(int code) {
        if (code < 0 || code >= BY_CODE.length) {
            throw new IllegalStateException("unknown engine state " + code);
        }
        return BY_CODE[code];
    }
}
