package example.dump;

import dev.reclaimer.DeferredRelease;

/** A class the dump test has the agent rewrite and write out. */
public class Dumped {
    public int releases;

    @DeferredRelease
    public void release() {
        releases++;
    }
}
