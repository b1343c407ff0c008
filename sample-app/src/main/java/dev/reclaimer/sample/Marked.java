package dev.reclaimer.sample;

import dev.reclaimer.DeferredRelease;
import dev.reclaimer.ReadSection;
import dev.reclaimer.Reclaimer;
import dev.reclaimer.Safepoint;
import dev.reclaimer.sample.machine.AddressSpace;
import dev.reclaimer.sample.machine.Controller;
import dev.reclaimer.sample.machine.DeviceRegion;
import dev.reclaimer.sample.machine.FlatView;
import dev.reclaimer.sample.machine.Guard;
import dev.reclaimer.sample.machine.Inspector;
import dev.reclaimer.sample.machine.Linger;
import dev.reclaimer.sample.machine.Parts;
import dev.reclaimer.sample.machine.Vcpu;
import java.util.List;

/**
 * The machine's classes as this application marks them for Reclaimer: each override only adds an
 * annotation, or an explicit read section, and calls the original. Without the agent they behave
 * exactly like the originals.
 */
final class Marked {

    /** Makes marked regions and views. */
    static final Parts PARTS =
            new Parts() {
                @Override
                public DeviceRegion newRegion(long id, long base, AddressSpace space) {
                    return new Region(id, base, space);
                }

                @Override
                public FlatView newView(
                        long generation, List<DeviceRegion> regions, AddressSpace space) {
                    return new View(generation, regions, space);
                }
            };

    private Marked() {}

    /** A region whose release is deferred past readers that may still touch its buffer. */
    static final class Region extends DeviceRegion {

        Region(long id, long base, AddressSpace space) {
            super(id, base, space);
        }

        @DeferredRelease
        @Override
        public void release() {
            super.release();
        }
    }

    /** A view whose table release is deferred past readers that may still search it. */
    static final class View extends FlatView {

        View(long generation, List<DeviceRegion> regions, AddressSpace space) {
            super(generation, regions, space);
        }

        @DeferredRelease
        @Override
        public void release() {
            super.release();
        }
    }

    /** A vCPU whose loop iteration is a safepoint: reads inside it cost nothing extra. */
    static final class Cpu extends Vcpu {

        Cpu(AddressSpace space, Guard guard, Linger linger, int batch, long seed) {
            super(space, guard, linger, batch, seed);
        }

        @Safepoint
        @Override
        public void runIteration() {
            super.runIteration();
        }
    }

    /** A control loop whose iteration is a safepoint, where deferred releases may run. */
    static final class Control extends Controller {

        Control(AddressSpace space, Guard guard, int fewestRegions, long seed) {
            super(space, PARTS, guard, fewestRegions, seed);
        }

        @Safepoint
        @Override
        public void runIteration() {
            super.runIteration();
        }
    }

    /** An inspector outside any loop, so it opens an explicit read section per batch. */
    static final class Monitor extends Inspector {

        Monitor(AddressSpace space, Guard guard, Linger linger, int batch, long seed) {
            super(space, guard, linger, batch, seed);
        }

        @Override
        @SuppressWarnings("try") // the section is used for its scope, not referenced
        public void inspectOnce() {
            try (ReadSection section = Reclaimer.read()) {
                super.inspectOnce();
            }
        }
    }
}
