package dev.reclaimer.agent.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reclaimer.agent.config.AgentConfig;
import dev.reclaimer.agent.config.ConfigLoader;
import example.fixtures.Refusals;
import java.util.Map;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.pool.TypePool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RefusalTest {

    private static String warnings;

    @BeforeAll
    static void loadRefusedClass() throws Exception {
        TestAgent.install();
        warnings =
                StderrCapture.during(
                        () ->
                                Class.forName(
                                        "example.fixtures.Refusals",
                                        true,
                                        RefusalTest.class.getClassLoader()));
    }

    @Test
    void refuse_staticMethod_warnsAndRunsInline() {
        int before = Refusals.STATIC_RUNS.get();

        Refusals.staticRelease();
        assertEquals(before + 1, Refusals.STATIC_RUNS.get());
        assertWarned("example.fixtures.Refusals#staticRelease()V", "static");
    }

    @Test
    void refuse_methodReturningValue_warnsAndRunsInline() {
        assertEquals(42, new Refusals().valuedRelease());
        assertWarned("example.fixtures.Refusals#valuedRelease()I", "returns a value");
    }

    @Test
    void refuse_nativeMethod_warnsAndLeavesItNative() {
        assertThrows(UnsatisfiedLinkError.class, () -> new Refusals().nativeRelease());
        assertWarned("example.fixtures.Refusals#nativeRelease()V", "native");
    }

    @Test
    void refuse_constructorNamedBySelector_warnsAndConstructsNormally() {
        assertEquals(1, new Refusals().constructed.get());
        assertWarned("example.fixtures.Refusals#<init>()V", "constructor");
    }

    @Test
    void refuse_abstractMethodNamedBySelector_saysRoleAppliesToImplementations() throws Exception {
        AgentConfig config =
                ConfigLoader.load(
                        "release-methods=example.fixtures.AbstractBase#close", Map.of(), Map.of());
        MethodPlanner planner = new MethodPlanner(config, new SelectorTracker(config));
        TypeDescription type =
                TypePool.Default.ofSystemLoader()
                        .describe("example.fixtures.AbstractBase")
                        .resolve();

        String info = StderrCapture.during(() -> assertTrue(planner.plan(type).isEmpty()));
        assertTrue(
                info.contains("[reclaimer] INFO example.fixtures.AbstractBase#close()V is abstract")
                        && info.contains("applies to implementations"),
                info);
    }

    @Test
    void refuse_eachMethod_warnsOnlyOnce() {
        int first = warnings.indexOf("Refusals#staticRelease()V");
        assertTrue(first >= 0, warnings);
        assertEquals(-1, warnings.indexOf("Refusals#staticRelease()V", first + 1), warnings);
    }

    private static void assertWarned(String method, String reason) {
        boolean found =
                warnings.lines()
                        .anyMatch(
                                line ->
                                        line.startsWith("[reclaimer] WARN")
                                                && line.contains(method)
                                                && line.contains(reason));
        assertTrue(found, "no warning naming " + method + " and '" + reason + "' in:\n" + warnings);
    }
}
