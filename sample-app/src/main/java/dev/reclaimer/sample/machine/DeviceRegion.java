package dev.reclaimer.sample.machine;

/**
 * A device's memory-mapped region: an address range whose registers live in a pooled direct buffer.
 * Every access checks the buffer's stamp before and after touching the register, so an access to a
 * region whose buffer was released, and perhaps already handed to another region, is detected
 * rather than silently corrupting that other device.
 */
public class DeviceRegion extends PooledResource {

    private final long base;
    private final int size;

    /**
     * Creates a region and takes its buffer.
     *
     * @param id the region's identity, unique for the life of the machine
     * @param base the first guest address of the region
     * @param space the address space whose region pool and metrics it uses
     */
    public DeviceRegion(long id, long base, AddressSpace space) {
        super(id, space.regionPool(), space.metrics());
        this.base = base;
        this.size = space.regionBytes();
    }

    /**
     * Returns the first guest address of this region.
     *
     * @return the base address
     */
    public final long base() {
        return base;
    }

    /**
     * Returns the first guest address after this region.
     *
     * @return the end address, exclusive
     */
    public final long end() {
        return base + size;
    }

    /**
     * Performs one aligned eight-byte access at a guest address inside this region: a write
     * increments the register, a read loads it.
     *
     * @param address a guest address in {@code [base(), end())}
     * @param write whether the access is a write
     * @return false when the buffer did not belong to this region before or after the access: a use
     *     after release
     */
    public final boolean access(long address, boolean write) {
        int offset = payloadOffset() + (int) ((address - base) & ~(Long.BYTES - 1L));
        if (!ownsBuffer()) {
            return false;
        }
        long value = buffer().getLong(offset);
        if (write) {
            buffer().putLong(offset, value + 1);
        }
        return stillOwnsBuffer();
    }
}
