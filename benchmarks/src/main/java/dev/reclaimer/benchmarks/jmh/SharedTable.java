package dev.reclaimer.benchmarks.jmh;

import dev.reclaimer.ReadSide;

/**
 * A published, immutable table that readers look up; every read-section benchmark wraps the same
 * {@link #lookup(int)} so the figures differ only by how the read is protected.
 */
public final class SharedTable {

    private final int[] entries;

    /** Creates a table of 64 distinct entries. */
    public SharedTable() {
        entries = new int[64];
        for (int i = 0; i < entries.length; i++) {
            entries[i] = i * 31 + 7;
        }
    }

    /**
     * Looks up one entry.
     *
     * @param key any int
     * @return the entry for {@code key}
     */
    public int lookup(int key) {
        return entries[key & (entries.length - 1)];
    }

    /**
     * The same lookup as a {@code @ReadSide} method: with the agent the body is a read section.
     *
     * @param key any int
     * @return the entry for {@code key}
     */
    @ReadSide
    public int lookupReadSide(int key) {
        return entries[key & (entries.length - 1)];
    }
}
