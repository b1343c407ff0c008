package dev.reclaimer.its;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The sample application in child JVMs, with and without the agent. */
class SampleAppTest {

    @Test
    void run_withAgent_neverUsesAReleasedBufferAndReleasesEveryRetireByExit() throws Exception {
        ChildRun run = ChildJvm.sample().withAgent(null).run();

        run.assertReleasedEverythingSafely();
        assertEquals("marked", run.value("classes"), run::context);
        assertTrue(run.number("grace_periods") > 0, () -> "grace periods" + run.context());
    }

    @Test
    void run_onTheConfiguredJava_reportsThatJavaVersion() throws Exception {
        ChildRun run = ChildJvm.sample().withArguments("--duration=100ms").run();

        run.assertCompleted();
        assertEquals(ChildJvm.javaFeatureVersion(), run.number("java"), run::context);
    }

    @Test
    void run_withoutAgent_observesUseAfterRelease() throws Exception {
        ChildRun run = ChildJvm.sample().run();

        run.assertCompleted();
        assertEquals("false", run.value("agent"), run::context);
        assertTrue(
                run.number("use_after_release") > 0,
                () -> "inline releases under lingering readers" + run.context());
        assertEquals(run.number("retired"), run.number("released"), run::context);
    }

    @Test
    void run_withReadWriteLockWithoutAgent_neverUsesAReleasedBuffer() throws Exception {
        ChildRun run = ChildJvm.sample().withArguments("--sync=rwlock").run();

        run.assertCompleted();
        assertEquals(0, run.number("use_after_release"), run::context);
        assertEquals(run.number("retired"), run.number("released"), run::context);
    }
}
