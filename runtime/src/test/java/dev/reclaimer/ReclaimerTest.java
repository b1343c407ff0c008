package dev.reclaimer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The public API as a plain library, without the agent. */
@SuppressWarnings("try") // sections are opened for their effect, not referenced
class ReclaimerTest {

    @Test
    void defer_thenBarrier_runsTheReleaseOnceAndCountsIt() throws Exception {
        ReclaimerStats before = Reclaimer.stats();
        AtomicInteger runs = new AtomicInteger();
        Reclaimer.defer(runs::incrementAndGet);

        Reclaimer.barrier();
        assertEquals(1, runs.get());
        ReclaimerStats after = Reclaimer.stats();
        assertEquals(1, after.retired() - before.retired());
        assertEquals(
                after.retired(),
                after.released() + after.failed() + after.pending(),
                after.toString());
    }

    @Test
    void read_nestedSections_threadStaysReaderUntilOutermostCloses() throws Exception {
        try (ReadSection outer = Reclaimer.read()) {
            try (ReadSection inner = Reclaimer.read()) {
                assertThrows(IllegalStateException.class, Reclaimer::synchronize);
            }
            IllegalStateException error =
                    assertThrows(IllegalStateException.class, Reclaimer::barrier);
            assertTrue(error.getMessage().contains("read section"), error.getMessage());
        }
        Reclaimer.synchronize();
    }

    @Test
    void defer_null_throwsNullPointerException() {
        assertThrows(NullPointerException.class, () -> Reclaimer.defer(null));
    }

    @Test
    void close_withoutOpenSection_throws() {
        ReadSection section = Reclaimer.read();
        section.close();
        assertThrows(IllegalStateException.class, section::close);
    }
}
