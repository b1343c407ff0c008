package dev.reclaimer.sample.machine;

import java.util.List;

/**
 * Makes the regions and views of an address space, so that an application can substitute subclasses
 * (for instance ones whose release method carries an annotation).
 */
public interface Parts {

    /** Plain regions and views, as this package defines them. */
    Parts PLAIN =
            new Parts() {
                @Override
                public DeviceRegion newRegion(long id, long base, AddressSpace space) {
                    return new DeviceRegion(id, base, space);
                }

                @Override
                public FlatView newView(
                        long generation, List<DeviceRegion> regions, AddressSpace space) {
                    return new FlatView(generation, regions, space);
                }
            };

    /**
     * Makes a region.
     *
     * @param id the region's identity
     * @param base its first guest address
     * @param space the address space it belongs to
     * @return a new region owning a buffer
     */
    DeviceRegion newRegion(long id, long base, AddressSpace space);

    /**
     * Makes a view.
     *
     * @param generation the view's identity
     * @param regions the regions it maps
     * @param space the address space it belongs to
     * @return a new view owning a table
     */
    FlatView newView(long generation, List<DeviceRegion> regions, AddressSpace space);
}
