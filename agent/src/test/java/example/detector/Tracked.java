package example.detector;

import dev.reclaimer.DeferredRelease;
import java.util.concurrent.atomic.AtomicInteger;

/** A pooled resource: a release method, readers, and {@code reset}, the pool's revive method. */
public class Tracked implements Probe {
    private final AtomicInteger releases;
    private int reads;

    public Tracked(AtomicInteger releases) {
        this.releases = releases;
    }

    @DeferredRelease
    @Override
    public void release() {
        releases.incrementAndGet();
    }

    @Override
    public int read() {
        return ++reads;
    }

    @Override
    public void reset() {
        reads = 0;
    }

    @Override
    public String toString() {
        return "Tracked[" + reads + "]";
    }
}
