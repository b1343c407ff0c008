package dev.reclaimer;

import java.time.Duration;

/**
 * A snapshot of the reclaimer's counters. Taken while releases are being retired and run, the
 * counters are read one after another, not atomically; at rest {@code retired == released + failed
 * + pending} holds exactly.
 *
 * @param retired releases deferred so far
 * @param released deferred releases whose body ran and returned normally
 * @param failed deferred releases whose body threw
 * @param pending deferred releases not yet run
 * @param gracePeriods grace periods completed so far
 * @param oldestPendingAge how long the oldest pending release has waited, zero when none waits
 */
public record ReclaimerStats(
        long retired,
        long released,
        long failed,
        long pending,
        long gracePeriods,
        Duration oldestPendingAge) {}
