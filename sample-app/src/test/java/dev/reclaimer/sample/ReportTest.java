package dev.reclaimer.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reclaimer.ReclaimerStats;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReportTest {

    private final Result result =
            new Result(
                    Options.parse("--sync=mutex"),
                    false,
                    2_000_000_000L,
                    0,
                    1_000,
                    100,
                    7,
                    12,
                    9,
                    1,
                    3,
                    4_000,
                    5_000,
                    0,
                    new ReclaimerStats(0, 0, 0, 0, 5, Duration.ZERO),
                    Optional.empty());

    @Test
    void resultLine_always_carriesTheKeysScriptsRelyOn() {
        Map<String, String> pairs = pairs(Report.resultLine(result));

        assertEquals("mutex", pairs.get("mode"));
        assertEquals("1000", pairs.get("dispatches"));
        assertEquals("12", pairs.get("retired"));
        assertEquals("9", pairs.get("released"));
        assertEquals("1", pairs.get("failed"));
        assertEquals("2", pairs.get("pending"));
        assertEquals("3", pairs.get("use_after_release"));
        assertEquals("500", pairs.get("dispatches_per_second"));
        assertEquals("4", pairs.get("longest_wait_us"));
    }

    @Test
    void text_always_namesEveryFigureOfTheResultLine() {
        String text = Report.text(result);

        assertTrue(text.contains("500 per second"), text);
        assertTrue(text.contains("12 retired, 9 released, 1 failed, 2 pending"), text);
        assertTrue(text.contains("use-after-release  3"), text);
    }

    @Test
    void resultLine_withMBean_carriesItsCountersAsJmxKeys() {
        Result withMBean = result.withMBean(Optional.of(new MBeanFigures(12, 9, 1, 2)));

        Map<String, String> pairs = pairs(Report.resultLine(withMBean));

        assertEquals("12", pairs.get("jmx_retired"));
        assertEquals("9", pairs.get("jmx_released"));
        assertEquals("1", pairs.get("jmx_failed"));
        assertEquals("2", pairs.get("jmx_pending"));
        assertTrue(
                Report.text(withMBean)
                        .contains("MBean counters     12 retired, 9 released, 1 failed, 2 pending"),
                Report.text(withMBean));
    }

    @Test
    void resultLine_withoutMBean_omitsTheJmxKeysAndTheTextSaysSo() {
        Map<String, String> pairs = pairs(Report.resultLine(result));

        assertFalse(
                pairs.keySet().stream().anyMatch(key -> key.startsWith("jmx_")), pairs::toString);
        String text = Report.text(result);
        assertTrue(text.contains("dev.reclaimer:type=Reclaimer not registered"), text);
    }

    private static Map<String, String> pairs(String line) {
        assertTrue(line.startsWith("RESULT "), line);
        return Arrays.stream(line.substring("RESULT ".length()).split(" "))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1]));
    }
}
