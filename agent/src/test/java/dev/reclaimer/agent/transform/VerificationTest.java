package dev.reclaimer.agent.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;

class VerificationTest {

    private static final List<String> REWRITTEN =
            List.of(
                    "example.fixtures.Region",
                    "example.fixtures.SubRegion",
                    "example.fixtures.UnannotatedSub",
                    "example.fixtures.ThrowingResource",
                    "example.fixtures.ControlFlowResource",
                    "example.fixtures.DefaultReleasable",
                    "example.fixtures.GenericImpl",
                    "example.fixtures.RecordResource",
                    "example.fixtures.EnumResource",
                    "example.fixtures.PlainPool",
                    "example.fixtures.ConcreteBase",
                    "example.fixtures.Loop");

    @BeforeAll
    static void loadEveryFixture() throws Exception {
        TestAgent.install();
        for (String name : REWRITTEN) {
            Class.forName(name, true, VerificationTest.class.getClassLoader());
        }
    }

    @Test
    void verify_everyRewrittenClass_callsTheHooks() {
        for (String name : REWRITTEN) {
            byte[] bytes = TestAgent.TRANSFORMED.get(name.replace('.', '/'));
            assertTrue(bytes != null, name + " was not captured");
            String constants = new String(bytes, StandardCharsets.ISO_8859_1);
            assertTrue(constants.contains("dev/reclaimer/internal/Hooks"), name + " not rewritten");
        }
    }

    @Test
    void verify_everyCapturedClass_passesAsmVerifier() {
        for (Map.Entry<String, byte[]> entry : TestAgent.TRANSFORMED.entrySet()) {
            StringWriter report = new StringWriter();
            CheckClassAdapter.verify(
                    new ClassReader(entry.getValue()),
                    VerificationTest.class.getClassLoader(),
                    false,
                    new PrintWriter(report));
            assertEquals("", report.toString(), entry.getKey() + " fails verification");
        }
    }
}
