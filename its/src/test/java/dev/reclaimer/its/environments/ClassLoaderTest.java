package dev.reclaimer.its.environments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An annotated class where class loaders and modules put it, each with a copy of the runtime of its
 * own: every release call is deferred, every one runs by the barrier, and the reclaimer the
 * application links to and the agent's on the bootstrap class path are one and the same (same
 * counters, and a section opened through either is seen by the other).
 */
class ClassLoaderTest {

    @Test
    void run_annotatedClassInNamedModuleWithRuntimeOnModulePath_sharesTheOneReclaimer()
            throws Exception {
        Path runtime = Fixtures.runtimeJar();
        Path module =
                Fixtures.compile("work-module", List.of(), List.of(runtime), "work", "work-module");

        Map<String, String> result =
                Child.java(
                                Child.agentOption(null),
                                "--module-path",
                                Fixtures.joined(List.of(module, runtime)),
                                "-m",
                                "demo.work/demo.work.Workload")
                        .run()
                        .result();

        assertDeferredOnTheOneReclaimer(result);
        assertEquals("own", result.get("runtime_copy"), "the module path's copy is linked");
    }

    @Test
    void run_childFirstLoaderCarryingItsOwnRuntime_sharesTheOneReclaimer() throws Exception {
        Path runtime = Fixtures.runtimeJar();
        Path plugin = Fixtures.compile("work-plugin", List.of(runtime), List.of(), "work");
        Path host = Fixtures.compile("host", List.of(), List.of(), "host");

        Map<String, String> result =
                Child.java(
                                Child.agentOption(null),
                                "-cp",
                                host.toString(),
                                "demo.host.Host",
                                plugin.toString(),
                                runtime.toString())
                        .run()
                        .result();

        assertDeferredOnTheOneReclaimer(result);
        assertEquals("own", result.get("runtime_copy"), "the plug-in's copy is linked");
        assertEquals("plugin", result.get("table_loader"));
    }

    @Test
    void run_applicationCarryingTheRuntimeOnItsClassPath_sharesTheOneReclaimer() throws Exception {
        Path runtime = Fixtures.runtimeJar();
        Path app = Fixtures.compile("work-classpath", List.of(runtime), List.of(), "work");

        Map<String, String> result =
                Child.java(
                                Child.agentOption(null),
                                "-cp",
                                Fixtures.joined(List.of(app, runtime)),
                                "demo.work.Workload")
                        .run()
                        .result();

        assertDeferredOnTheOneReclaimer(result);
        assertEquals("bootstrap", result.get("runtime_copy"), "parent-first finds the agent's");
    }

    private static void assertDeferredOnTheOneReclaimer(Map<String, String> result) {
        String calls = result.get("calls");
        assertEquals("0", result.get("inline"), () -> "every release deferred: " + result);
        assertEquals(calls, result.get("released"), () -> "all released by barrier: " + result);
        assertEquals(calls, result.get("boot_retired"), () -> "the agent's reclaimer: " + result);
        assertEquals(calls, result.get("own_retired"), () -> "the linked copy: " + result);
        assertEquals("true", result.get("section_seen"), () -> "one set of readers: " + result);
    }
}
