package dev.reclaimer.agent.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.reclaimer.Reclaimer;
import dev.reclaimer.agent.config.AgentConfig;
import dev.reclaimer.internal.SectionSite;
import dev.reclaimer.internal.SectionSites;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

class SectionSiteTest {

    private static final String SECTIONS = "example.detector.Sections";

    @BeforeAll
    static void configureEngine() throws Exception {
        TestAgent.install();
    }

    @Test
    void safepoint_rewritten_registersItsMethodAsSite() throws Exception {
        SectionSite site = siteBefore(SECTIONS, "iteration", "enterSafepoint");

        assertEquals(SECTIONS, site.className());
        assertEquals("iteration", site.methodName());
        assertEquals("()V", site.descriptor());
    }

    @Test
    void readCall_inRewrittenClass_becomesOpenSectionNamingCaller() throws Exception {
        SectionSite site = siteBefore(SECTIONS, "run", "openSection");

        assertEquals("run", site.methodName());
        assertEquals(null, findCall(transformed(SECTIONS), "run", "read"), "read() replaced");
    }

    @Test
    void readCall_rewritten_stillOpensASection() throws Exception {
        Class<?> type = Isolated.load(config(), SECTIONS);
        Runnable insideSection =
                () -> assertThrows(IllegalStateException.class, Reclaimer::synchronize);

        Runnable sections =
                (Runnable) type.getConstructor(Runnable.class).newInstance(insideSection);
        sections.run();
        Reclaimer.synchronize();
    }

    private static AgentConfig config() throws Exception {
        return Isolated.config("include=example.detector.**");
    }

    private static ClassNode transformed(String className) throws Exception {
        ClassNode node = new ClassNode();
        new ClassReader(Isolated.transform(config(), className)).accept(node, 0);
        return node;
    }

    /** The site whose id is pushed right before the hook call in the method. */
    private static SectionSite siteBefore(String className, String method, String hook)
            throws Exception {
        MethodInsnNode call = findCall(transformed(className), method, hook);
        assertNotNull(call, hook + " not called in " + method);
        AbstractInsnNode previous = call.getPrevious();
        int id =
                previous instanceof LdcInsnNode ldc
                        ? (Integer) ldc.cst
                        : previous.getOpcode() >= Opcodes.ICONST_0
                                        && previous.getOpcode() <= Opcodes.ICONST_5
                                ? previous.getOpcode() - Opcodes.ICONST_0
                                : ((IntInsnNode) previous).operand;
        return SectionSites.get(id);
    }

    private static MethodInsnNode findCall(ClassNode node, String method, String callee) {
        for (MethodNode candidate : node.methods) {
            if (!candidate.name.equals(method)) {
                continue;
            }
            for (AbstractInsnNode instruction : candidate.instructions) {
                if (instruction instanceof MethodInsnNode call && call.name.equals(callee)) {
                    return call;
                }
            }
        }
        return null;
    }
}
