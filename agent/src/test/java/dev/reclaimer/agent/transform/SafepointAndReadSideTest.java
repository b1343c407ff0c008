package dev.reclaimer.agent.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.reclaimer.Reclaimer;
import example.fixtures.Loop;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SafepointAndReadSideTest {

    @BeforeAll
    static void installAgent() throws Exception {
        TestAgent.install();
    }

    @Test
    void safepoint_whileRunning_threadIsReader() {
        Loop loop = new Loop();

        loop.iteration(
                () ->
                        assertThrows(
                                IllegalStateException.class,
                                Reclaimer::synchronize,
                                "synchronize() inside a safepoint method must be refused"));
    }

    @Test
    void safepoint_exitByException_leavesSection() throws Exception {
        Loop loop = new Loop();

        assertThrows(
                ArithmeticException.class,
                () ->
                        loop.iteration(
                                () -> {
                                    throw new ArithmeticException("iteration failed");
                                }));
        Reclaimer.synchronize();
    }

    @Test
    void readSide_whileRunning_threadIsReaderAndValueReturned() throws Exception {
        Loop loop = new Loop();

        String value =
                loop.read(
                        () -> {
                            assertThrows(IllegalStateException.class, Reclaimer::synchronize);
                            return "read";
                        });
        assertEquals("read", value);
        Reclaimer.synchronize();
    }
}
