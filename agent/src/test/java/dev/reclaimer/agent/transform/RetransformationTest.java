package dev.reclaimer.agent.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reclaimer.Reclaimer;
import dev.reclaimer.agent.config.AgentConfig;
import dev.reclaimer.agent.config.ConfigLoader;
import example.late.LateResource;
import java.util.Map;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import org.junit.jupiter.api.Test;

class RetransformationTest {

    @Test
    void install_classLoadedBefore_isRetransformedAndDefers() throws Exception {
        TestAgent.install();
        LateResource before = new LateResource();
        before.release();
        assertEquals(1, before.releases.get(), "not yet instrumented: runs inline");

        AgentConfig config = ConfigLoader.load("include=example.late.**", Map.of(), Map.of());
        ResettableClassFileTransformer late =
                ReclaimerTransformer.install(
                        TestAgent.instrumentation, config, new SelectorTracker(config));
        try {
            LateResource after = new LateResource();
            after.release();
            assertEquals(0, after.releases.get(), "retransformed class did not defer");
            Reclaimer.barrier();
            assertEquals(1, after.releases.get());
        } finally {
            late.reset(
                    TestAgent.instrumentation,
                    net.bytebuddy.agent.builder.AgentBuilder.RedefinitionStrategy.RETRANSFORMATION);
        }
    }

    @Test
    void tracker_selectorMatchingNothing_isReportedUnmatched() throws Exception {
        TestAgent.install();
        Class.forName("example.fixtures.PlainPool");

        assertEquals(
                "example.nowhere.Missing#release",
                TestAgent.tracker.unmatched().stream()
                        .map(Object::toString)
                        .filter(s -> s.startsWith("example.nowhere"))
                        .findFirst()
                        .orElse("none"));
        String report = StderrCapture.during(TestAgent.tracker::reportUnmatched);
        assertEquals(
                true,
                report.contains("[reclaimer] INFO selector example.nowhere.Missing#release"),
                report);
        assertEquals(false, report.contains("PlainPool"), report);
    }
}
