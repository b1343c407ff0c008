package dev.reclaimer.its.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Stall reports name the reader thread and the section it is in, with its stack. */
class StallReportTest {

    private static final String AGENT = "stall.timeout=300ms";

    @Test
    void stall_inReadSideMethod_namesThreadAndMethod() throws Exception {
        OpsChild.Outcome run = OpsChild.app(StallingApp.class, AGENT);

        assertStallReported(run, StallingApp.class.getName() + "#holdInReadSide");
        assertTrue(
                run.output()
                        .contains(StallingApp.class.getName() + ".holdInReadSide(StallingApp.java"),
                "the reader's stack" + run.context());
    }

    @Test
    void stall_inReadCallOfRewrittenClass_namesTheCallingMethod() throws Exception {
        OpsChild.Outcome run = OpsChild.app(StallingApp.class, AGENT, "read-call");

        assertStallReported(run, StallingApp.class.getName() + "#holdWithReadCall");
    }

    private static void assertStallReported(OpsChild.Outcome run, String section) {
        assertEquals(0, run.exitCode(), "exit code" + run.context());
        assertTrue(run.output().contains("RESULT released=true"), "release ran" + run.context());
        List<String> reports =
                run.output()
                        .lines()
                        .filter(line -> line.contains("WARN") && line.contains("Reader thread"))
                        .collect(Collectors.toList());
        assertTrue(!reports.isEmpty(), "no stall report" + run.context());
        String first = reports.get(0);
        assertTrue(first.contains("Reader thread stuck-reader has"), first + run.context());
        assertTrue(first.contains("section: " + section), first + run.context());
    }
}
