package example.check;

import dev.reclaimer.DeferredRelease;

/** A class whose initialisation would show if the checker ever loaded and initialised it. */
public class Explosive {
    static {
        System.setProperty("example.check.initialised", "true");
    }

    @DeferredRelease
    public void release() {}

    @DeferredRelease
    public int releaseWithValue() {
        return 1;
    }

    public int size() {
        return 0;
    }
}
