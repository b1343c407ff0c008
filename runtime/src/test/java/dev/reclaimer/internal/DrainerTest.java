package dev.reclaimer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class DrainerTest {

    private final ThreadRegistry registry = new ThreadRegistry();
    private final GracePeriods gracePeriods = new GracePeriods(registry);
    private final Drainer drainer =
            new Drainer(
                    registry,
                    gracePeriods,
                    new ReleaseRunner(new ReleaseMethods(), new FailureLog(Duration.ofMinutes(1))),
                    new OperationsMetrics());

    @Test
    void drainReady_entryAppendedToAQueueThePassAlreadySkipped_keepsTheWorkHint() {
        ThreadRecord late = register();
        ThreadRecord early = register();
        RetireQueue lateQueue = late.ownQueue();
        Runnable appendBehindThePass =
                () -> {
                    lateQueue.append((Runnable) () -> {}, null, ReleaseMethods.DEFER_SITE, 3);
                    drainer.signalWork();
                };
        early.ownQueue().append(appendBehindThePass, null, ReleaseMethods.DEFER_SITE, 1);
        drainer.signalWork();
        gracePeriods.tryAdvance();
        gracePeriods.tryAdvance();

        int ran = drainer.drainReady(register(), DrainPlace.SAFEPOINT, 100, Long.MAX_VALUE);

        assertEquals(1, ran);
        assertEquals(1, lateQueue.pendingAcquire());
        assertTrue(drainer.workHintOpaque(), "the entry appended during the pass was forgotten");
    }

    @Test
    void drainReady_capSmallerThanTheBacklog_runsTheDrainersOwnQueueFirst() {
        List<String> ran = new ArrayList<>();
        ThreadRecord[] others = {register(), register()};
        ThreadRecord self = register();
        for (ThreadRecord record : new ThreadRecord[] {others[0], self, others[1]}) {
            String name = record == self ? "self" : "other";
            for (int i = 0; i < 10; i++) {
                record.ownQueue().append((Runnable) () -> ran.add(name), null, 0, 1);
            }
        }
        drainer.signalWork();
        gracePeriods.tryAdvance();
        gracePeriods.tryAdvance();

        for (int pass = 0; pass < 3; pass++) {
            ran.clear();
            assertEquals(10, drainer.drainReady(self, DrainPlace.SAFEPOINT, 10, Long.MAX_VALUE));
            assertEquals(Collections.nCopies(10, pass == 0 ? "self" : "other"), ran);
        }
    }

    private ThreadRecord register() {
        ThreadRecord record = new ThreadRecord(Thread.currentThread());
        registry.register(record);
        return record;
    }
}
