package example.late;

import dev.reclaimer.DeferredRelease;
import java.util.concurrent.atomic.AtomicInteger;

/** Loaded before its transformer is installed, then retransformed. */
public class LateResource {
    public final AtomicInteger releases = new AtomicInteger();

    @DeferredRelease
    public void release() {
        releases.incrementAndGet();
    }
}
