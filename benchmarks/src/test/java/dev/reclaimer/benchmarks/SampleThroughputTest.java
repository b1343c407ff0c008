package dev.reclaimer.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SampleThroughputTest {

    @Test
    void median_ofThreeRounds_isTheMiddleValueWhateverTheOrder() {
        List<Map<String, String>> rounds =
                List.of(
                        Map.of("dispatches_per_second", "30"),
                        Map.of("dispatches_per_second", "10"),
                        Map.of("dispatches_per_second", "20"));

        assertEquals(20.0, SampleThroughput.median(rounds, "dispatches_per_second"));
    }
}
