package dev.reclaimer.internal;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * The safety argument of {@link GracePeriods} as a litmus test: a reader enters and loads the
 * published object while an updater unpublishes it, tags the retire with the epoch and advances
 * twice. A reader that still holds the object (it stays in its section) must never coexist with the
 * retire being ready.
 */
@JCStressTest
@Outcome(
        id = {"0, 0", "0, 1"},
        expect = ACCEPTABLE,
        desc = "the reader missed the object")
@Outcome(id = "1, 0", expect = ACCEPTABLE, desc = "the reader holds the object; not yet ready")
@Outcome(id = "1, 1", expect = FORBIDDEN, desc = "ready while a reader holds the object")
@State
public class GracePeriodStress {

    private final ThreadRegistry registry = new ThreadRegistry();
    private final GracePeriods gracePeriods = new GracePeriods(registry);
    private final ThreadRecord reader = new ThreadRecord(StressThreads.ALIVE);
    private volatile Object published = new Object();

    /** Registers the reader, as its first use would. */
    public GracePeriodStress() {
        registry.register(reader);
    }

    /** Enters a section and looks the object up; stays inside. */
    @Actor
    public void reader(II_Result result) {
        reader.enter(gracePeriods.epochVolatile());
        result.r1 = published != null ? 1 : 0;
    }

    /** Unpublishes, retires, and tries to complete a grace period. */
    @Actor
    public void updater(II_Result result) {
        published = null;
        long tag = gracePeriods.epochVolatile();
        gracePeriods.tryAdvance();
        gracePeriods.tryAdvance();
        result.r2 = GracePeriods.isReady(tag, gracePeriods.epochVolatile()) ? 1 : 0;
    }
}
