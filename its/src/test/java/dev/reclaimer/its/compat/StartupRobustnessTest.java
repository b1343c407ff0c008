package dev.reclaimer.its.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Start-up under load: eight threads of a child application load hundreds of classes with release
 * methods from the first instant of {@code main}, each release body loads a class for the first
 * time while a safepoint or the background drainer runs it, and the whole start-up is repeated in a
 * loop of JVMs to catch a rare class-circularity error, linkage error or deadlock.
 */
class StartupRobustnessTest {

    private static final String SELECTORS =
            "release-methods=compat.storm.*#release(),safepoints=compat.startup.Loop#iterate()";
    private static final Pattern STORM = Pattern.compile("STORM calls=(\\d+) bodies=(\\d+)");
    private static final int THREADS = 8;
    private static final int CLASSES = 300;
    private static final int REPEATS = 20;
    private static final int CLASSES_PER_REPEAT = 60;

    private static List<Path> classPath;

    @BeforeAll
    static void buildFixtures() throws IOException {
        Path out = Files.createDirectories(Path.of("target", "compat-startup"));
        List<Path> path = new ArrayList<>(FeatureClasses.build(out));
        for (int i = 0; i < CLASSES; i++) {
            write(
                    out,
                    "compat/storm/R_" + i,
                    resource("compat/storm/R_" + i, "compat.storm.L_" + i));
            write(out, "compat/storm/L_" + i, resource("compat/storm/L_" + i, null));
        }
        classPath = path;
    }

    @Test
    void start_withEightThreadsLoadingReleasingClasses_defersEveryReleaseWithoutLoadingErrors()
            throws Exception {
        CompatChild.Result run = storm(CLASSES);

        assertStormCompleted(run, CLASSES);
    }

    @Test
    void start_repeatedly_neverFailsToLoadOrDeadlocks() throws Exception {
        for (int attempt = 0; attempt < REPEATS; attempt++) {
            assertStormCompleted(storm(CLASSES_PER_REPEAT), CLASSES_PER_REPEAT);
        }
    }

    private static CompatChild.Result storm(int classes) throws Exception {
        return CompatChild.run(
                SELECTORS, classPath, "compat.startup.Storm", Integer.toString(classes));
    }

    private static void assertStormCompleted(CompatChild.Result run, int classes) {
        assertEquals(0, run.exitCode(), run::context);
        assertTrue(run.output().contains("[reclaimer] INFO reclaimer-agent "), run::context);
        assertTrue(run.output().contains(" enabled; "), run::context);
        assertFalse(run.output().contains("DEADLOCK"), run::context);
        LanguageFeaturesTest.assertNoLoadingTrouble(run);
        assertFalse(run.output().contains("[reclaimer] WARN"), run::context);
        Matcher storm = STORM.matcher(run.output());
        assertTrue(storm.find(), run::context);
        long calls = Long.parseLong(storm.group(1));
        assertEquals((long) THREADS * classes, calls, run::context);
        assertEquals(2 * calls, Long.parseLong(storm.group(2)), run::context);
    }

    /**
     * A class implementing {@code compat.startup.Releasable} whose {@code release()} releases its
     * partner class (loading it for the first time) when there is one, then counts its body.
     */
    private static byte[] resource(String internalName, String partner) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(
                Opcodes.V17,
                Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER,
                internalName,
                null,
                "java/lang/Object",
                new String[] {"compat/startup/Releasable"});
        MethodVisitor init = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        MethodVisitor release =
                writer.visitMethod(Opcodes.ACC_PUBLIC, "release", "()V", null, null);
        release.visitCode();
        if (partner != null) {
            release.visitLdcInsn(partner);
            release.visitMethodInsn(
                    Opcodes.INVOKESTATIC,
                    "compat/startup/Storm",
                    "releasePartner",
                    "(Ljava/lang/String;)V",
                    false);
        }
        release.visitMethodInsn(
                Opcodes.INVOKESTATIC, "compat/startup/Storm", "bodyRan", "()V", false);
        release.visitInsn(Opcodes.RETURN);
        release.visitMaxs(0, 0);
        release.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    private static void write(Path out, String internalName, byte[] bytes) throws IOException {
        Path file = out.resolve(internalName + ".class");
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }
}
