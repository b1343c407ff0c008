package dev.reclaimer.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * What a barrier waits for: for each queue that existed when the barrier began, how many entries it
 * held then. Entries of one queue run in order, so once a queue's run count reaches its target
 * every entry retired before the barrier has run.
 *
 * <p>The targets are read with acquire loads of each queue's {@code produced} count. A retire that
 * happened-before the barrier call is therefore counted; the run counters are read with acquire
 * loads too, so the barrier's caller sees what the bodies did. Queues are held directly, so a
 * record purged meanwhile (its thread died and its queue emptied) still satisfies its target.
 */
final class BarrierTargets {

    private final List<RetireQueue> queues = new ArrayList<>();
    private final List<Long> targets = new ArrayList<>();

    private BarrierTargets() {}

    /** Records the current length of every queue. */
    static BarrierTargets snapshot(ThreadRegistry registry) {
        BarrierTargets snapshot = new BarrierTargets();
        ThreadRecord[] records = registry.snapshotVolatile();
        for (int i = 0; ; i++) {
            ThreadRecord record = ThreadRegistry.at(records, i);
            if (record == null) {
                return snapshot;
            }
            RetireQueue queue = record.queueAcquire();
            if (queue != null && queue.pendingAcquire() > 0) {
                snapshot.queues.add(queue);
                snapshot.targets.add(queue.producedAcquire());
            }
        }
    }

    /** Returns whether every recorded queue has run up to its target. */
    boolean reached() {
        for (int i = queues.size() - 1; i >= 0; i--) {
            if (queues.get(i).consumedAcquire() < targets.get(i)) {
                return false;
            }
            queues.remove(i);
            targets.remove(i);
        }
        return true;
    }
}
