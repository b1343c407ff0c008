package dev.reclaimer.internal;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;

/**
 * A producer appends while two drainers compete for the queue; after a final drain every entry has
 * run exactly once: the claim makes the consumers take turns and never run an entry twice.
 */
@JCStressTest
@Outcome(id = "2", expect = ACCEPTABLE, desc = "both entries ran exactly once")
@Outcome(expect = FORBIDDEN, desc = "an entry was lost or ran twice")
@State
public class CompetingDrainersStress {

    private final RetireQueue queue = new RetireQueue();
    private final ReleaseRunner runner =
            new ReleaseRunner(new ReleaseMethods(), new FailureLog(Duration.ofMinutes(1)));
    private final AtomicInteger runs = new AtomicInteger();
    private final Runnable release = runs::incrementAndGet;

    /** Starts with two entries queued. */
    public CompetingDrainersStress() {
        queue.append(release, null, ReleaseMethods.DEFER_SITE, 1);
        queue.append(release, null, ReleaseMethods.DEFER_SITE, 1);
    }

    /** First drainer. */
    @Actor
    public void firstDrainer() {
        drain();
    }

    /** Second drainer. */
    @Actor
    public void secondDrainer() {
        drain();
    }

    /** Drains what is left and counts the runs. */
    @Arbiter
    public void count(I_Result result) {
        drain();
        result.r1 = runs.get();
    }

    private void drain() {
        if (queue.tryClaim()) {
            queue.drainClaimed(3, 10, runner, new ThreadRecord(StressThreads.ALIVE));
            queue.unclaim();
        }
    }
}
