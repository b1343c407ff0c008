package dev.reclaimer.its.ops;

import dev.reclaimer.DeferredRelease;
import dev.reclaimer.ReadSection;
import dev.reclaimer.Reclaimer;

/**
 * A child application with the bug the use-after-release detector exists for: a reader keeps a
 * table it fetched inside a read section and uses it again after the section closed, by which time
 * the updater has replaced the table and its release has run. Without the detector the stale lookup
 * silently reads a released table; with it, the lookup throws.
 */
public final class BrokenReaderApp {

    private static volatile Table current = new Table();

    private BrokenReaderApp() {}

    /**
     * Runs the broken reader and prints {@code RESULT stale_lookup=<value>} if nothing stopped it.
     *
     * @param arguments ignored
     * @throws Exception if interrupted
     */
    @SuppressWarnings("try") // the section is used for its scope
    public static void main(String[] arguments) throws Exception {
        Table held;
        try (ReadSection section = Reclaimer.read()) {
            held = current;
            held.lookup(1);
        }
        Table old = current;
        current = new Table();
        old.release();
        Reclaimer.barrier();
        int stale = held.lookup(2);
        System.out.println("RESULT stale_lookup=" + stale);
    }

    /** A lookup table whose release clears it. */
    static final class Table {
        private int[] entries = {10, 20, 30};

        public int lookup(int key) {
            return entries.length > key ? entries[key] : -1;
        }

        @DeferredRelease
        public void release() {
            entries = new int[0];
        }
    }
}
