package dev.reclaimer.sample.machine;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * An immutable flattened view of the address space: the regions sorted by base address, with a
 * dispatch table of their ranges in a pooled direct buffer that lookups binary-search without
 * locks.
 *
 * <p>A view is published once and never changed. When a newer view replaces it, it is retired: its
 * table goes back to the pool, where the next view takes it at once. A reader still searching a
 * retired view finds the stamp of another view, or none, and reports a use after release.
 */
public class FlatView extends PooledResource {

    private static final int ENTRY_BYTES = 2 * Long.BYTES;

    private final DeviceRegion[] regions;

    /**
     * Builds a view and its dispatch table.
     *
     * @param generation the view's identity, unique for the life of the machine
     * @param regions the regions mapped in this view, without overlaps, in any order
     * @param space the address space whose table pool and metrics it uses
     */
    // The table is written into the pooled buffer the superclass took; javac 21+ cannot see across
    // files that this only touches the final buffer() accessor, so it would report an escape.
    @SuppressWarnings("this-escape")
    public FlatView(long generation, List<DeviceRegion> regions, AddressSpace space) {
        super(generation, space.tablePool(), space.metrics());
        this.regions = regions.toArray(DeviceRegion[]::new);
        Arrays.sort(this.regions, Comparator.comparingLong(DeviceRegion::base));
        writeTable(this.regions);
    }

    /**
     * Returns the regions of this view, sorted by base address.
     *
     * @return an unmodifiable list
     */
    public final List<DeviceRegion> regions() {
        return List.of(regions);
    }

    /**
     * Dispatches one access: finds the region holding {@code address} and touches its register,
     * pausing in between as {@code linger} says, as a vCPU would when it is preempted there.
     *
     * @param address a guest address
     * @param write whether the access is a write
     * @param linger the calling thread's pause policy
     * @return what happened
     */
    public final Outcome dispatch(long address, boolean write, Linger linger) {
        if (!ownsBuffer()) {
            return Outcome.USE_AFTER_RELEASE;
        }
        int index = find(address);
        if (index < 0) {
            return stillOwnsBuffer() ? Outcome.UNMAPPED : Outcome.USE_AFTER_RELEASE;
        }
        DeviceRegion region = regions[index];
        if (address < region.base() || address >= region.end()) {
            // Only a table overwritten by its next owner maps an address to the wrong region.
            return Outcome.USE_AFTER_RELEASE;
        }
        linger.pause();
        boolean intact = region.access(address, write);
        return intact && stillOwnsBuffer() ? Outcome.DONE : Outcome.USE_AFTER_RELEASE;
    }

    private void writeTable(DeviceRegion[] sorted) {
        for (int i = 0; i < sorted.length; i++) {
            buffer().putLong(entryOffset(i), sorted[i].base());
            buffer().putLong(entryOffset(i) + Long.BYTES, sorted[i].end());
        }
    }

    /**
     * Binary search of the table for the last range starting at or below {@code address}, then a
     * check that the address is inside it. The search halves a count, so it always takes the same
     * steps for a table size, and picks each half with a conditional move rather than a branch,
     * which random addresses would mispredict at every step. It stays inside the table even if the
     * table was overwritten.
     */
    private int find(long address) {
        int first = 0;
        int count = regions.length;
        if (count == 0) {
            return -1;
        }
        while (count > 1) {
            int half = count >>> 1;
            long base = buffer().getLong(entryOffset(first + half));
            first = base <= address ? first + half : first;
            count -= half;
        }
        int offset = entryOffset(first);
        if (address < buffer().getLong(offset)
                || address >= buffer().getLong(offset + Long.BYTES)) {
            return -1;
        }
        return first;
    }

    private static int entryOffset(int index) {
        return payloadOffset() + index * ENTRY_BYTES;
    }

    /**
     * Bytes of table a view of at most {@code regions} regions needs.
     *
     * @param regions the most regions one view maps
     * @return the table payload size
     */
    static int tableBytes(int regions) {
        return regions * ENTRY_BYTES;
    }

    /** The result of one dispatched access. */
    public enum Outcome {
        /** The access reached its region's register. */
        DONE,
        /** No region is mapped at the address; a real machine would raise a bus error. */
        UNMAPPED,
        /** The view or the region had been released while the access was under way. */
        USE_AFTER_RELEASE
    }
}
