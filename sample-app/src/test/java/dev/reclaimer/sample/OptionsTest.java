package dev.reclaimer.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reclaimer.sample.machine.SyncMode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void parse_nothing_givesTheTenSecondDefaults() {
        Options options = Options.parse();

        assertEquals(SyncMode.RECLAIMER, options.sync());
        assertEquals(Duration.ofSeconds(12), options.duration());
        assertFalse(options.plainClasses());
    }

    @Test
    void parse_everyUnit_givesTheDuration() {
        assertEquals(Duration.ofMillis(1500), Options.parse("--duration=1500ms").duration());
        assertEquals(Duration.ofNanos(20_000), Options.parse("--linger=20us").linger());
        assertEquals(Duration.ofMinutes(2), Options.parse("--duration=2m").duration());
        assertEquals(Duration.ZERO, Options.parse("--linger=0").linger());
    }

    @Test
    void parse_modesAndClasses_areRead() {
        Options options = Options.parse("--sync=rwlock", "--classes=plain", "--vcpus=3");

        assertEquals(SyncMode.RWLOCK, options.sync());
        assertTrue(options.plainClasses());
        assertEquals(3, options.vcpus());
    }

    @Test
    void parse_eventsPerSecond_givesTheEventPeriod() {
        assertEquals(2_000, Options.parse().eventsPerSecond());
        assertEquals(500_000, Options.parse().eventPeriodNanos());
        assertEquals(1_000_000, Options.parse("--events-per-second=1000").eventPeriodNanos());
        assertEquals(0, Options.parse("--events-per-second=0").eventPeriodNanos());
    }

    @Test
    void parse_eventsPerSecondOutOfRange_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--events-per-second=-1"));
        assertThrows(
                IllegalArgumentException.class, () -> Options.parse("--events-per-second=1000001"));
    }

    @Test
    void parse_unknownOption_namesIt() {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> Options.parse("--vcpu=3"));

        assertEquals("unknown option --vcpu", error.getMessage());
    }

    @Test
    void parse_badValue_namesTheOptionAndWhatIsExpected() {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> Options.parse("--sync=rcu"));

        assertEquals(
                "--sync=rcu is not valid: expected reclaimer, rwlock or mutex", error.getMessage());
    }

    @Test
    void parse_durationWithoutUnit_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--duration=10"));
    }

    @Test
    void parse_argumentWithoutValue_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--help-me"));
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--vcpus=0"));
    }
}
