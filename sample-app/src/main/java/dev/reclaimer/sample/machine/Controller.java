package dev.reclaimer.sample.machine;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The machine's control loop: each {@link #runIteration()} applies one hot-plug or remap event. It
 * builds a new view, publishes it, and retires what the new view no longer holds: the old view and
 * any region unplugged or moved away. Retiring calls their release methods, which give the buffers
 * back to the pools, where the next new region or view takes them at once.
 *
 * <p>Only the controller's thread changes the address space; {@link #populate} and {@link
 * #teardown} run on it too, or after it has stopped.
 */
public class Controller {

    private final AddressSpace space;
    private final Parts parts;
    private final Guard guard;
    private final SplittableRandom random;
    private final int fewestRegions;
    private long nextRegionId = 1;
    private long nextGeneration = 1;

    /**
     * Creates a controller for an empty address space.
     *
     * @param space the address space it changes
     * @param parts makes its regions and views
     * @param guard the locks around publishing and releasing, if any
     * @param fewestRegions the fewest regions an unplug may leave
     * @param seed the seed of its event sequence
     */
    public Controller(AddressSpace space, Parts parts, Guard guard, int fewestRegions, long seed) {
        this.space = space;
        this.parts = parts;
        this.guard = guard;
        this.random = new SplittableRandom(seed);
        this.fewestRegions = fewestRegions;
    }

    /**
     * Publishes the first view, with {@code regions} regions at random slots.
     *
     * @param regions how many regions to plug
     */
    public final void populate(int regions) {
        List<DeviceRegion> plugged = new ArrayList<>();
        for (int i = 0; i < regions; i++) {
            plug(plugged);
        }
        space.publish(parts.newView(nextGeneration++, plugged, space));
    }

    /** Runs one iteration of the control loop: one hot-plug, unplug or remap event. */
    public void runIteration() {
        FlatView old = space.current();
        List<DeviceRegion> regions = new ArrayList<>(old.regions());
        List<DeviceRegion> removed = applyEvent(regions);
        FlatView next = parts.newView(nextGeneration++, regions, space);

        guard.lockWrite();
        try {
            space.publish(next);
            retire(old);
            removed.forEach(this::retire);
        } finally {
            guard.unlockWrite();
        }
        space.metrics().countEvent();
    }

    /** Retires the current view and all its regions, once no reader is left. */
    public final void teardown() {
        FlatView last = space.current();
        retire(last);
        last.regions().forEach(this::retire);
    }

    private List<DeviceRegion> applyEvent(List<DeviceRegion> regions) {
        int count = regions.size();
        boolean canPlug = count < space.slots();
        boolean canUnplug = count > fewestRegions;
        int choice = random.nextInt(3);
        if (canPlug && (choice == 0 || !canUnplug)) {
            plug(regions);
            return List.of();
        }
        DeviceRegion victim = regions.remove(random.nextInt(count));
        if (choice == 1 && canUnplug) {
            return List.of(victim);
        }
        plug(regions);
        return List.of(victim);
    }

    /** Plugs a new region into a random free slot; the caller ensures one is free. */
    private void plug(List<DeviceRegion> regions) {
        BitSet taken = new BitSet(space.slots());
        regions.forEach(region -> taken.set((int) (region.base() / space.regionBytes())));
        int slot = random.nextInt(space.slots());
        while (taken.get(slot)) {
            slot = (slot + 1) % space.slots();
        }
        long base = (long) slot * space.regionBytes();
        regions.add(parts.newRegion(nextRegionId++, base, space));
    }

    private void retire(PooledResource resource) {
        resource.markRetired();
        if (guard.releasesInline()) {
            resource.releaseNow();
        } else {
            resource.release();
        }
    }
}
