package dev.reclaimer.internal;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.time.Duration;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * A producer appends an entry whose payload it initialised with plain stores while a consumer
 * claims the queue and drains: the consumer either sees no entry, or runs it and sees the payload
 * complete. Running it with a default payload would break the happens-before edge.
 */
@JCStressTest
@Outcome(id = "0, 0", expect = ACCEPTABLE, desc = "the consumer came first and saw nothing")
@Outcome(id = "1, 42", expect = ACCEPTABLE, desc = "the consumer ran the entry and saw its state")
@Outcome(expect = FORBIDDEN, desc = "the entry ran without the producer's writes, or twice")
@State
public class RetireQueueHandOffStress {

    private final RetireQueue queue = new RetireQueue();
    private final ReleaseRunner runner =
            new ReleaseRunner(new ReleaseMethods(), new FailureLog(Duration.ofMinutes(1)));
    private final ThreadRecord drainer = new ThreadRecord(StressThreads.ALIVE);
    private int seen;

    /** Produces one entry. */
    @Actor
    public void producer() {
        Payload payload = new Payload();
        payload.value = 42;
        queue.append(payload, null, ReleaseMethods.DEFER_SITE, 1);
    }

    /** Claims the queue and runs what is ready. */
    @Actor
    public void consumer(II_Result result) {
        if (queue.tryClaim()) {
            result.r1 = queue.drainClaimed(3, 10, runner, drainer);
            queue.unclaim();
        }
        result.r2 = seen;
    }

    private final class Payload implements Runnable {
        int value;

        @Override
        public void run() {
            seen = value;
        }
    }
}
