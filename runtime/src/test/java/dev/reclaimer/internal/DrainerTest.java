package dev.reclaimer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
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

    private ThreadRecord register() {
        ThreadRecord record = new ThreadRecord(Thread.currentThread());
        registry.register(record);
        return record;
    }
}
