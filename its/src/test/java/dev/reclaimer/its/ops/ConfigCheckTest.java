package dev.reclaimer.its.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@code java -jar reclaimer-agent.jar check} from the built jar, as an operator runs it. */
class ConfigCheckTest {

    @Test
    void check_badConfiguration_findsEverySeededErrorAndFails() throws Exception {
        Path file = OpsChild.resource("bad.properties");
        OpsChild.Outcome run = check(file.toString());

        assertEquals(1, run.exitCode(), run.context());
        String at = "error: file " + file + " line ";
        List<String> expected =
                List.of(
                        at + "3, key reclaimer.relase-methods: unknown key",
                        at + "4, key reclaimer.safepoints: selector",
                        at + "5, key reclaimer.stall.timeout: expected a unit",
                        at + "6, key reclaimer.backlog.policy: expected warn or wait",
                        at + "7, key reclaimer.include: repeated key, first given at line 2",
                        at + "8, key reclaimer.debug.detect-use-after-release: expected true",
                        at + "9, key reclaimer.jmx.registration-delay: expected 'key=value'");
        List<String> errors =
                run.output()
                        .lines()
                        .filter(l -> l.startsWith("error: "))
                        .collect(Collectors.toList());
        assertEquals(expected.size(), errors.size(), run.context());
        for (String error : expected) {
            assertTrue(errors.stream().anyMatch(e -> e.startsWith(error)), error + run.context());
        }
        assertTrue(run.output().contains("result: 7 error(s)"), run.context());
    }

    @Test
    void check_sampleJar_listsExactlyTheMethodsTheAgentChanges() throws Exception {
        OpsChild.Outcome run =
                check(
                        OpsChild.resource("sample.properties").toString(),
                        OpsChild.sampleJar().toString());

        assertEquals(0, run.exitCode(), run.context());
        Set<String> changes =
                run.output()
                        .lines()
                        .filter(line -> line.startsWith("  change  "))
                        .collect(Collectors.toSet());
        String sample = "  change  dev.reclaimer.sample.";
        assertEquals(
                Set.of(
                        sample + "Marked$Region#release()V as release",
                        sample + "Marked$View#release()V as release",
                        sample + "Marked$Cpu#runIteration()V as safepoint",
                        sample + "Marked$Control#runIteration()V as safepoint",
                        sample + "machine.PooledResource#release()V as release"),
                changes,
                run.context());
        assertTrue(run.output().contains("result: clean"), run.context());
    }

    private static OpsChild.Outcome check(String... arguments) throws Exception {
        List<String> command =
                new ArrayList<>(List.of("-jar", OpsChild.agentJar().toString(), "check"));
        command.addAll(List.of(arguments));
        return OpsChild.java(command);
    }
}
