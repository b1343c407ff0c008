package dev.reclaimer.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultLineTest {

    @Test
    void parse_sampleResultLine_keepsEveryFieldInOrder() {
        Map<String, String> fields =
                ResultLine.parse("RESULT mode=reclaimer agent=true dispatches_per_second=22305997");

        assertEquals(
                Map.of("mode", "reclaimer", "agent", "true", "dispatches_per_second", "22305997"),
                fields);
        assertEquals(22305997.0, ResultLine.number(fields, "dispatches_per_second"));
    }

    @Test
    void parse_otherLine_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> ResultLine.parse("LOADED classes=1"));
    }

    @Test
    void parse_fieldWithoutValue_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> ResultLine.parse("RESULT mode"));
    }

    @Test
    void number_missingField_namesIt() {
        IllegalArgumentException error =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ResultLine.number(Map.of("mode", "mutex"), "dispatches"));

        assertEquals("no field dispatches in {mode=mutex}", error.getMessage());
    }
}
