package dev.reclaimer.its.compat;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reclaimer.Reclaimer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Builds the language-feature fixtures once: compiles {@code src/fixtures/compat/java} with the
 * JDK's compiler against the runtime jar, and writes two classes with ASM that javac would never
 * produce: an old (version 49) class file without stack-map frames, and a release method whose code
 * juggles the stack and jumps into a handler that covers the whole method.
 */
final class FeatureClasses {

    static final String PROBE = "compat/features/Probe";

    private FeatureClasses() {}

    /** Compiles and generates into {@code out}; returns the child class path. */
    static List<Path> build(Path out) throws IOException {
        compile(Path.of("src", "fixtures", "compat", "java"), out);
        write(out, "compat/gen/OldResource", oldResource());
        write(out, "compat/gen/OddResource", oddResource());
        return List.of(
                out,
                CompatChild.locationOf(FeatureClasses.class),
                runtimeJar(),
                CompatChild.locationOf(kotlin.Unit.class));
    }

    static Path runtimeJar() {
        return CompatChild.locationOf(Reclaimer.class);
    }

    private static void compile(Path sources, Path out) throws IOException {
        List<String> arguments = new ArrayList<>();
        arguments.addAll(
                List.of("--release", "17", "-d", out.toString(), "-cp", runtimeJar().toString()));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java"))
                    .forEach(f -> arguments.add(f.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, arguments.toArray(String[]::new));
        assertTrue(status == 0, "fixtures did not compile: " + arguments);
    }

    private static void write(Path out, String internalName, byte[] bytes) throws IOException {
        Path file = out.resolve(internalName + ".class");
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    /** Version 49 (Java 5): no stack-map frames; {@code release()} branches around the probe. */
    static byte[] oldResource() {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(
                Opcodes.V1_5,
                Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER,
                "compat/gen/OldResource",
                null,
                "java/lang/Object",
                null);
        constructor(writer);
        MethodVisitor release =
                writer.visitMethod(Opcodes.ACC_PUBLIC, "release", "()V", null, null);
        release.visitCode();
        Label skip = new Label();
        release.visitInsn(Opcodes.ICONST_2);
        release.visitInsn(Opcodes.ICONST_1);
        release.visitJumpInsn(Opcodes.IF_ICMPLE, skip);
        release.visitMethodInsn(Opcodes.INVOKESTATIC, PROBE, "ran", "()V", false);
        release.visitLabel(skip);
        release.visitInsn(Opcodes.RETURN);
        release.visitMaxs(0, 0);
        release.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    /**
     * {@code release()} juggles {@code this} with dup and swap, builds an exception and jumps with
     * it into the entry of its own catch-all handler, whose range covers the whole method, handler
     * included. The shared handler runs the probe once.
     */
    static byte[] oddResource() {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
        writer.visit(
                Opcodes.V17,
                Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER,
                "compat/gen/OddResource",
                null,
                "java/lang/Object",
                null);
        constructor(writer);
        MethodVisitor release =
                writer.visitMethod(Opcodes.ACC_PUBLIC, "release", "()V", null, null);
        release.visitCode();
        Label start = new Label();
        Label shared = new Label();
        Label end = new Label();
        release.visitTryCatchBlock(start, end, shared, "java/lang/Throwable");
        release.visitLabel(start);
        release.visitVarInsn(Opcodes.ALOAD, 0);
        release.visitInsn(Opcodes.DUP);
        release.visitInsn(Opcodes.SWAP);
        release.visitInsn(Opcodes.POP2);
        release.visitTypeInsn(Opcodes.NEW, "java/lang/IllegalStateException");
        release.visitInsn(Opcodes.DUP);
        release.visitMethodInsn(
                Opcodes.INVOKESPECIAL, "java/lang/IllegalStateException", "<init>", "()V", false);
        release.visitJumpInsn(Opcodes.GOTO, shared);
        release.visitLabel(shared);
        release.visitInsn(Opcodes.POP);
        release.visitMethodInsn(Opcodes.INVOKESTATIC, PROBE, "ran", "()V", false);
        release.visitInsn(Opcodes.RETURN);
        release.visitLabel(end);
        release.visitMaxs(0, 0);
        release.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    private static void constructor(ClassWriter writer) {
        MethodVisitor init = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
    }
}
