package dev.reclaimer.sample.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class BufferPoolTest {

    private final BufferPool pool = new BufferPool(64);

    @Test
    void take_afterGive_reusesTheBufferGivenBackAndStampsTheNewOwner() {
        ByteBuffer first = pool.take(7);
        pool.give(first, 7);

        ByteBuffer second = pool.take(8);

        assertSame(first, second);
        assertEquals(8, Stamps.stampAcquire(second));
        assertEquals(1, pool.allocated());
    }

    @Test
    void give_twice_failsAndLeavesTheNextOwnersStampAlone() {
        ByteBuffer buffer = pool.take(7);
        pool.give(buffer, 7);
        pool.take(8);

        assertThrows(IllegalStateException.class, () -> pool.give(buffer, 7));
        assertEquals(8, Stamps.stampAcquire(buffer));
    }

    @Test
    void outstanding_countsBuffersTakenAndNotGivenBack() {
        ByteBuffer kept = pool.take(1);
        pool.give(pool.take(2), 2);

        assertEquals(1, pool.outstanding());
        assertTrue(kept.isDirect());
    }

    @Test
    void take_withTheFreeStamp_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> pool.take(Stamps.FREE));
    }
}
