package dev.reclaimer.its.environments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar reclaimer-agent.jar attach PID} against a running application whose release
 * method is already loaded, hot and compiled: from the attach on, its calls are deferred. A JVM
 * that refuses dynamic agents, and an application that already runs its own copy of the runtime,
 * each get a clear message and keep running unchanged.
 */
class LateAttachTest {

    private static final String RUNS_OWN_COPY = "--use-reclaimer-first";

    @Test
    void attach_hotCompiledReleaseMethod_defersEveryCallFromThenOn() throws Exception {
        Path compilations = Path.of("target", "environments", "late-compilations.log");
        Files.deleteIfExists(compilations);
        Child app =
                startApp(
                        List.of(
                                "-Xlog:jit+compilation=debug:file="
                                        + compilations.toAbsolutePath()),
                        List.of());
        try {
            Child.Outcome attach = attach(app, "log.level=info");
            assertEquals(0, attach.exitCode(), attach::context);
            assertTrue(attach.output().contains("attached to JVM " + app.pid()), attach::context);
            app.send("GO");
            Child.Outcome outcome = app.run();
            Map<String, String> result = outcome.result();

            assertTrue(
                    firstCompilationMillis(compilations) < readyUptimeMillis(outcome.output()),
                    () -> "the release method was compiled before the attach" + outcome.context());
            assertEquals(result.get("hot_calls"), result.get("inline_before"), outcome::context);
            assertEquals("0", result.get("inline_after"), outcome::context);
            assertEquals(result.get("calls_after"), result.get("released_after"), outcome::context);
            assertEquals(result.get("calls_after"), result.get("retired"), outcome::context);
        } finally {
            app.destroy();
        }
    }

    @Test
    void attach_targetRefusingDynamicAgents_saysSoAndTheTargetRunsOnUnchanged() throws Exception {
        for (String refusal : refusingOptions()) {
            Child app = startApp(List.of(refusal), List.of());
            try {
                Child.Outcome attach = attach(app, null);
                assertEquals(1, attach.exitCode(), attach::context);
                assertTrue(attach.output().contains("EnableDynamicAgentLoading"), attach::context);
                app.send("GO");
                Child.Outcome outcome = app.run();
                Map<String, String> result = outcome.result();

                assertEquals(
                        result.get("calls_after"), result.get("inline_after"), outcome::context);
                assertEquals("0", result.get("retired"), outcome::context);
            } finally {
                app.destroy();
            }
        }
    }

    @Test
    void attach_applicationAlreadyRunningItsOwnRuntimeCopy_refusesWithTheReason() throws Exception {
        Child app = startApp(List.of(), List.of(RUNS_OWN_COPY));
        try {
            Child.Outcome attach = attach(app, null);
            assertEquals(1, attach.exitCode(), attach::context);
            assertTrue(attach.output().contains("the agent refused to start"), attach::context);
            assertTrue(attach.output().contains("its own copy"), attach::context);
            app.send("GO");
            Child.Outcome outcome = app.run();
            Map<String, String> result = outcome.result();

            assertTrue(
                    outcome.output().contains("already runs its own copy of the Reclaimer runtime"),
                    outcome::context);
            assertFalse(outcome.output().contains("ASSERTION FAILED"), outcome::context);
            assertFalse(outcome.output().contains("Exception"), outcome::context);
            assertEquals(result.get("calls_after"), result.get("inline_after"), outcome::context);
        } finally {
            app.destroy();
        }
    }

    /**
     * When the JVM's compilation log first shows the release method compiled, in milliseconds of
     * JVM uptime (the log is read after the child's end, when it is complete).
     */
    private static double firstCompilationMillis(Path log) throws Exception {
        Matcher compiled =
                Pattern.compile("^\\[([0-9.]+)s\\].*demo\\.late\\.Slot::release \\(").matcher("");
        for (String line : Files.readAllLines(log)) {
            if (compiled.reset(line).find() && !line.contains("made not")) {
                return Double.parseDouble(compiled.group(1)) * 1000;
            }
        }
        return Double.MAX_VALUE;
    }

    /** The JVM uptime the application reported when it said READY, before the attach. */
    private static double readyUptimeMillis(String output) {
        Matcher ready = Pattern.compile("READY .*uptime_ms=(\\d+)").matcher(output);
        return ready.find() ? Double.parseDouble(ready.group(1)) : -1;
    }

    /**
     * The options that make a JVM refuse dynamic agents: the attach mechanism off, on every JDK,
     * and from JDK 21 on (where the option exists) dynamic agent loading off.
     */
    private static List<String> refusingOptions() throws Exception {
        List<String> options = new ArrayList<>(List.of("-XX:+DisableAttachMechanism"));
        if (Child.javaFeatureVersion() >= 21) {
            options.add("-XX:-EnableDynamicAgentLoading");
        }
        return options;
    }

    private static Child startApp(List<String> options, List<String> arguments) throws Exception {
        Path runtime = Fixtures.runtimeJar();
        Path app = Fixtures.compile("late", List.of(runtime), List.of(), "late");
        List<String> command = new ArrayList<>(options);
        command.add("-cp");
        command.add(Fixtures.joined(List.of(app, runtime, Fixtures.lib("slf4j-api"))));
        command.add("demo.late.LateApp");
        command.addAll(arguments);
        Child child = Child.java(command.toArray(new String[0])).start();
        child.awaitLine("READY");
        return child;
    }

    private static Child.Outcome attach(Child app, String options) throws Exception {
        List<String> command =
                new ArrayList<>(
                        List.of("-jar", Fixtures.agentJar().toString(), "attach", "" + app.pid()));
        if (options != null) {
            command.add(options);
        }
        return Child.java(command.toArray(new String[0])).run();
    }
}
