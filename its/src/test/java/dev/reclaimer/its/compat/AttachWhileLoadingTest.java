package dev.reclaimer.its.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Late attach racing with class loading: eight threads of a child application keep defining classes
 * with release methods and calling them while {@code java -jar reclaimer-agent.jar attach PID}
 * starts the agent there, so {@code agentmain}, the bootstrap class path injection and the
 * retransformation of the loaded classes all overlap class definition. Every class defined after
 * the attach, and every class loaded in full before it, must then defer its release, every watched
 * body must run exactly once by the barrier, and nothing may fail to load or deadlock. Repeated
 * over several child JVMs to catch a rare interleaving.
 *
 * <p>Classes whose loading overlapped the attach are checked too, and must defer as well: a class
 * whose definition overlapped the installation itself could escape both the rewrite at definition
 * (the JVM's class-load hook ran before the transformer was registered) and a single
 * retransformation pass (the class was not yet listed when the pass took its list of loaded
 * classes); the agent's second discovery pass catches it. The child prints any that ran inline as
 * {@code INLINE AFTER ATTACH}.
 */
class AttachWhileLoadingTest {

    private static final String SELECTORS = "release-methods=compat.attach.gen.*#release()";
    private static final int CHILDREN = 5;
    private static final int CLASSES = 100;
    private static final long BOUND_SECONDS = 60;

    private static List<Path> classPath;
    private static Path generated;

    @BeforeAll
    static void buildFixtures() throws IOException {
        Path out = Files.createDirectories(Path.of("target", "compat-attach", "classes"));
        classPath = FeatureClasses.build(out);
        generated = Files.createDirectories(Path.of("target", "compat-attach", "generated"));
        for (int i = 0; i < CLASSES; i++) {
            Path file = generated.resolve("compat/attach/gen/R_" + i + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, resource("compat/attach/gen/R_" + i));
        }
    }

    @Test
    void attach_whileEightThreadsLoadReleasingClasses_defersEveryLaterReleaseWithoutLoadingErrors()
            throws Exception {
        for (int child = 0; child < CHILDREN; child++) {
            CompatChild.Result run = attachDuringStorm();

            assertAttachedAndDeferred(run);
        }
    }

    private static void assertAttachedAndDeferred(CompatChild.Result run) {
        assertEquals(0, run.exitCode(), run::context);
        assertTrue(run.output().contains("[reclaimer] INFO reclaimer-agent "), run::context);
        assertTrue(run.output().contains(" enabled; "), run::context);
        assertFalse(run.output().contains("DEADLOCK"), run::context);
        assertFalse(run.output().contains("LOADER FAILED"), run::context);
        LanguageFeaturesTest.assertNoLoadingTrouble(run);
        assertFalse(run.output().contains("[reclaimer] WARN"), run::context);
        Map<String, Long> result = result(run);
        long fresh = (long) 8 * CLASSES;
        assertEquals(fresh, result.get("fresh_calls"), run::context);
        assertEquals(0, result.get("fresh_at_call"), () -> "ran inline after" + run.context());
        assertTrue(result.get("before_calls") >= CLASSES, run::context);
        assertEquals(0, result.get("before_at_call"), () -> "ran inline after" + run.context());
        assertTrue(result.get("during_calls") > 0, () -> "no loading overlapped" + run.context());
        long checked =
                result.get("fresh_calls") + result.get("before_calls") + result.get("during_calls");
        assertEquals(checked, result.get("watched"), run::context);
        assertEquals(checked, result.get("run_once"), () -> "not run once" + run.context());
        assertEquals(0, result.get("during_at_call"), () -> "ran inline after" + run.context());
        assertEquals(checked, result.get("retired_in_phase_two"), run::context);
        assertEquals(result.get("calls"), result.get("bodies"), run::context);
        assertEquals(0, result.get("failed"), run::context);
        assertEquals(0, result.get("pending"), run::context);
        assertEquals(result.get("retired"), result.get("released"), run::context);
        assertEquals(0, result.get("failures"), run::context);
    }

    /**
     * Starts the child, waits until its loaders are loading, attaches the agent, then lets the
     * child check and report. Every step is bounded; the child never outlives the call.
     */
    private static CompatChild.Result attachDuringStorm() throws Exception {
        Path log = Files.createTempFile("compat-attach", ".log");
        List<String> command =
                List.of(
                        CompatChild.javaExecutable(),
                        "-cp",
                        String.join(
                                java.io.File.pathSeparator,
                                classPath.stream().map(Path::toString).toList()),
                        "compat.attach.AttachStorm",
                        generated.toAbsolutePath().toString(),
                        Integer.toString(CLASSES));
        Process child =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
        try {
            awaitReady(child, log);
            String attach = attach(child.pid());
            if (!attach.contains("reclaimer-agent attached to JVM " + child.pid())) {
                fail("attach: " + attach + "\n--- child output ---\n" + read(log));
            }
            try (OutputStream in = child.getOutputStream()) {
                in.write("GO\n".getBytes(StandardCharsets.UTF_8));
            }
            if (!child.waitFor(BOUND_SECONDS, TimeUnit.SECONDS)) {
                fail("child did not end within " + BOUND_SECONDS + " s\n" + read(log));
            }
            return new CompatChild.Result(command, child.exitValue(), read(log));
        } finally {
            child.destroyForcibly().waitFor();
            Files.deleteIfExists(log);
        }
    }

    private static void awaitReady(Process child, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOUND_SECONDS);
        while (!read(log).lines().anyMatch(line -> line.startsWith("READY"))) {
            if (!child.isAlive() || System.nanoTime() > deadline) {
                fail("child printed no READY\n" + read(log));
            }
            Thread.sleep(10);
        }
    }

    /** Runs the agent jar's attach command against {@code pid}; returns its output. */
    private static String attach(long pid) throws Exception {
        Path log = Files.createTempFile("compat-attach-command", ".log");
        try {
            Process attach =
                    new ProcessBuilder(
                                    CompatChild.javaExecutable(),
                                    "-jar",
                                    CompatChild.agentJar().toString(),
                                    "attach",
                                    Long.toString(pid),
                                    SELECTORS)
                            .redirectErrorStream(true)
                            .redirectOutput(log.toFile())
                            .start();
            if (!attach.waitFor(BOUND_SECONDS, TimeUnit.SECONDS)) {
                attach.destroyForcibly().waitFor();
                fail("attach did not end within " + BOUND_SECONDS + " s\n" + read(log));
            }
            return "status " + attach.exitValue() + ": " + read(log);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static Map<String, Long> result(CompatChild.Result run) {
        String line =
                run.output()
                        .lines()
                        .filter(l -> l.startsWith("RESULT "))
                        .findFirst()
                        .orElseGet(() -> fail("no RESULT line" + run.context()));
        Map<String, Long> pairs = new HashMap<>();
        for (String pair : line.substring("RESULT ".length()).trim().split(" +")) {
            int equals = pair.indexOf('=');
            pairs.put(pair.substring(0, equals), Long.parseLong(pair.substring(equals + 1)));
        }
        return pairs;
    }

    private static String read(Path log) throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /**
     * A class implementing {@code compat.startup.Releasable} whose {@code release()} hands its
     * object to {@code compat.attach.AttachStorm.bodyRan}, which counts the body's runs.
     */
    private static byte[] resource(String internalName) {
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
        release.visitVarInsn(Opcodes.ALOAD, 0);
        release.visitMethodInsn(
                Opcodes.INVOKESTATIC,
                "compat/attach/AttachStorm",
                "bodyRan",
                "(Ljava/lang/Object;)V",
                false);
        release.visitInsn(Opcodes.RETURN);
        release.visitMaxs(0, 0);
        release.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }
}
