package dev.reclaimer.sample.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reclaimer.sample.machine.FlatView.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class FlatViewTest {

    private static final Linger NO_LINGER = Linger.spinning(0, Duration.ZERO);

    private final AddressSpace space = new AddressSpace(4, 64);
    private final DeviceRegion low = new DeviceRegion(1, 0, space);
    private final DeviceRegion high = new DeviceRegion(2, 192, space);
    private final FlatView view = new FlatView(1, List.of(high, low), space);

    @Test
    void dispatch_insideARegion_reachesItsRegister() {
        assertEquals(Outcome.DONE, view.dispatch(200, true, NO_LINGER));
        assertEquals(Outcome.DONE, view.dispatch(63, false, NO_LINGER));
    }

    @Test
    void dispatch_everyAddressOfEverySlotSubset_isDoneExactlyInsideARegion() {
        AddressSpace wide = new AddressSpace(8, 64);
        for (int subset = 1; subset < 1 << 8; subset++) {
            List<DeviceRegion> plugged = new ArrayList<>();
            for (int slot = 0; slot < 8; slot++) {
                if ((subset & 1 << slot) != 0) {
                    plugged.add(new DeviceRegion(1000 + slot, slot * 64L, wide));
                }
            }
            FlatView subsetView = new FlatView(subset, plugged, wide);
            for (long address = 0; address < wide.limit() + 64; address += 8) {
                boolean mapped = address < wide.limit() && (subset & 1 << (address / 64)) != 0;
                assertEquals(
                        mapped ? Outcome.DONE : Outcome.UNMAPPED,
                        subsetView.dispatch(address, false, NO_LINGER),
                        "slots " + Integer.toBinaryString(subset) + ", address " + address);
            }
        }
    }

    @Test
    void dispatch_betweenRegions_isUnmapped() {
        assertEquals(Outcome.UNMAPPED, view.dispatch(64, false, NO_LINGER));
        assertEquals(Outcome.UNMAPPED, view.dispatch(191, false, NO_LINGER));
    }

    @Test
    void dispatch_toARegionReleasedAndReused_isUseAfterRelease() {
        high.markRetired();
        high.release();
        new DeviceRegion(3, 128, space);

        assertEquals(Outcome.USE_AFTER_RELEASE, view.dispatch(200, true, NO_LINGER));
        assertEquals(Outcome.DONE, view.dispatch(8, true, NO_LINGER));
    }

    @Test
    void dispatch_throughAReleasedView_isUseAfterRelease() {
        view.markRetired();
        view.release();

        assertEquals(Outcome.USE_AFTER_RELEASE, view.dispatch(8, false, NO_LINGER));
    }

    @Test
    void dispatch_throughAViewWhoseTableTheNextViewTook_isUseAfterRelease() {
        view.markRetired();
        view.release();
        new FlatView(2, List.of(low), space);

        assertEquals(Outcome.USE_AFTER_RELEASE, view.dispatch(200, false, NO_LINGER));
        assertEquals(Outcome.USE_AFTER_RELEASE, view.dispatch(64, false, NO_LINGER));
    }

    /** The hazard itself: the release runs early, while a reader pauses between lookup and use. */
    @Test
    void dispatch_whoseRegionIsReleasedAndReusedDuringThePause_isUseAfterRelease()
            throws Exception {
        Linger longPause = Linger.parking(1, Duration.ofSeconds(30));
        AtomicReference<Outcome> outcome = new AtomicReference<>();
        Thread reader = new Thread(() -> outcome.set(view.dispatch(200, true, longPause)));
        reader.start();
        awaitParked(reader);

        high.markRetired();
        high.release();
        new DeviceRegion(3, 128, space);
        LockSupport.unpark(reader);
        reader.join();

        assertEquals(Outcome.USE_AFTER_RELEASE, outcome.get());
    }

    @Test
    void dispatch_whoseRegionIsReleasedOnlyAfterThePause_isDone() throws Exception {
        Linger longPause = Linger.parking(1, Duration.ofSeconds(30));
        AtomicReference<Outcome> outcome = new AtomicReference<>();
        Thread reader = new Thread(() -> outcome.set(view.dispatch(200, true, longPause)));
        reader.start();
        awaitParked(reader);

        LockSupport.unpark(reader);
        reader.join();
        high.markRetired();
        high.release();

        assertEquals(Outcome.DONE, outcome.get());
    }

    @Test
    void release_countsTheRetireAndTheRelease() {
        low.markRetired();
        low.release();

        assertEquals(1, space.metrics().retired());
        assertEquals(1, space.metrics().released());
        assertEquals(0, space.metrics().failed());
    }

    @Test
    void release_twice_failsAndIsCounted() {
        low.markRetired();
        low.release();
        low.markRetired();

        assertThrows(IllegalStateException.class, low::release);
        assertEquals(1, space.metrics().failed());
    }

    private static void awaitParked(Thread thread) throws InterruptedException {
        while (thread.getState() != Thread.State.TIMED_WAITING) {
            assertTrue(thread.isAlive(), "the reader ended before its pause");
            Thread.sleep(1);
        }
    }
}
