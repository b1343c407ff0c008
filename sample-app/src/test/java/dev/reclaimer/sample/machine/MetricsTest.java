package dev.reclaimer.sample.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {

    private final Metrics metrics = new Metrics();

    @Test
    void dispatchCounts_ofSeveralReaderThreads_addUpOnceTheyAreJoined() throws Exception {
        List<Thread> readers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            readers.add(new Thread(this::countTenThousandBatches));
        }
        readers.forEach(Thread::start);
        for (Thread reader : readers) {
            reader.join();
        }

        assertEquals(3 * 10_000 * 64, metrics.dispatches());
        assertEquals(3 * 10_000 * 2, metrics.unmapped());
        assertEquals(3 * 10_000, metrics.useAfterRelease());
    }

    @Test
    void dispatchCounts_withoutReaders_areZero() {
        assertEquals(0, metrics.dispatches());
        assertEquals(0, metrics.useAfterRelease());
    }

    private void countTenThousandBatches() {
        DispatchCounts counts = metrics.newReader();
        for (int i = 0; i < 10_000; i++) {
            counts.add(64, 2, 1);
        }
    }
}
