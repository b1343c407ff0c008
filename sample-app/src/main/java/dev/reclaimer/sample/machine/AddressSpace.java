package dev.reclaimer.sample.machine;

/**
 * The guest address space: fixed slots of one region each, the pools that back regions and view
 * tables, and the current flattened view.
 *
 * <p>Protocol. One writer, the {@link Controller}, publishes views; any number of readers load the
 * current one. The view is a volatile field: its table and regions are written before the volatile
 * store that publishes it, so a reader that loads it sees them complete. A reader may keep using a
 * view after a newer one is published; keeping that safe until it is done is the job of whatever
 * protects readers (a lock, or Reclaimer's grace periods).
 */
public final class AddressSpace {

    private final int slots;
    private final int regionBytes;
    private final BufferPool regionPool;
    private final BufferPool tablePool;
    private final Metrics metrics = new Metrics();
    private volatile FlatView current;

    /**
     * Creates an empty address space.
     *
     * @param slots how many regions fit; guest addresses run from 0 to {@code slots * regionBytes}
     * @param regionBytes the size of each region, a positive multiple of eight
     */
    public AddressSpace(int slots, int regionBytes) {
        if (slots <= 0 || regionBytes <= 0 || regionBytes % Long.BYTES != 0) {
            throw new IllegalArgumentException(
                    "need slots > 0 and a positive multiple of 8 region bytes: "
                            + slots
                            + ", "
                            + regionBytes);
        }
        this.slots = slots;
        this.regionBytes = regionBytes;
        this.regionPool = new BufferPool(regionBytes);
        this.tablePool = new BufferPool(FlatView.tableBytes(slots));
    }

    /**
     * Returns the current view, or null before the first one is published.
     *
     * @return the published view
     */
    public FlatView current() {
        return current;
    }

    /**
     * Publishes a new view; readers that load the view after this see it.
     *
     * @param next the new view
     */
    public void publish(FlatView next) {
        current = next;
    }

    /**
     * Returns the number of region slots.
     *
     * @return the slot count
     */
    public int slots() {
        return slots;
    }

    /**
     * Returns the size of every region.
     *
     * @return bytes per region
     */
    public int regionBytes() {
        return regionBytes;
    }

    /**
     * Returns the first address past the address space.
     *
     * @return the address limit
     */
    public long limit() {
        return (long) slots * regionBytes;
    }

    /**
     * Returns the pool of region buffers.
     *
     * @return the region pool
     */
    public BufferPool regionPool() {
        return regionPool;
    }

    /**
     * Returns the pool of view tables.
     *
     * @return the table pool
     */
    public BufferPool tablePool() {
        return tablePool;
    }

    /**
     * Returns the counters of this machine.
     *
     * @return the metrics
     */
    public Metrics metrics() {
        return metrics;
    }
}
