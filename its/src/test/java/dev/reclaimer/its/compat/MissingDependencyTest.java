package dev.reclaimer.its.compat;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Classes that name an optional dependency absent from the class path, as large libraries do (Netty
 * names Conscrypt, tcnative, JBoss Marshalling): the JVM loads them, so the agent must rewrite
 * their release methods rather than fail the whole class. Found by the bytecode corpus, where such
 * classes failed to transform: the planner read a missing supertype's methods and a missing return
 * type, and ByteBuddy compiled the method graph over a supertype's signatures.
 */
class MissingDependencyTest {

    private static final String MISSING = "compat/absent/OptionalCodec";

    @Test
    void transform_classWhoseSupertypeSignatureNamesAMissingClass_rewritesItsCloseAndLinks()
            throws Exception {
        Map<String, byte[]> classes =
                Map.of("compat.gen.Base", base(), "compat.gen.Resource", resource());
        ClassLoader loader = new GeneratedClasses(classes);

        CorpusTransformer.Outcome outcome =
                CorpusTransformer.install()
                        .transform(
                                loader, "compat/gen/Resource", classes.get("compat.gen.Resource"));

        assertNotNull(outcome.bytes(), () -> "left unchanged; agent log: " + outcome.log());
        assertTrue(codeSize(outcome.bytes(), "close") > codeSize(resource(), "close"));
        assertTrue(
                outcome.log().stream()
                        .anyMatch(
                                line -> line.contains("releaseCodec") && line.contains("returns")),
                () -> "no refusal of the value-returning release method: " + outcome.log());
        new IsolatingClassLoader("compat.gen.Resource", outcome.bytes(), classes::get)
                .instantiate();
    }

    /** {@code Base} has a method whose parameter type is missing. */
    private static byte[] base() {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(
                Opcodes.V17, Opcodes.ACC_PUBLIC, "compat/gen/Base", null, "java/lang/Object", null);
        constructor(writer, "java/lang/Object");
        MethodVisitor attach =
                writer.visitMethod(
                        Opcodes.ACC_PUBLIC, "attach", "(L" + MISSING + ";)V", null, null);
        attach.visitCode();
        attach.visitInsn(Opcodes.RETURN);
        attach.visitMaxs(0, 0);
        attach.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    /**
     * {@code Resource extends Base}: a {@code close()}, a {@code releaseCodec()} returning the
     * missing type, and a method taking it.
     */
    private static byte[] resource() {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(
                Opcodes.V17,
                Opcodes.ACC_PUBLIC,
                "compat/gen/Resource",
                null,
                "compat/gen/Base",
                null);
        constructor(writer, "compat/gen/Base");
        MethodVisitor close = writer.visitMethod(Opcodes.ACC_PUBLIC, "close", "()V", null, null);
        close.visitCode();
        close.visitInsn(Opcodes.RETURN);
        close.visitMaxs(0, 0);
        close.visitEnd();
        MethodVisitor codec =
                writer.visitMethod(
                        Opcodes.ACC_PUBLIC, "releaseCodec", "()L" + MISSING + ";", null, null);
        codec.visitCode();
        codec.visitInsn(Opcodes.ACONST_NULL);
        codec.visitInsn(Opcodes.ARETURN);
        codec.visitMaxs(0, 0);
        codec.visitEnd();
        MethodVisitor use =
                writer.visitMethod(Opcodes.ACC_PUBLIC, "use", "(L" + MISSING + ";)V", null, null);
        use.visitCode();
        use.visitInsn(Opcodes.RETURN);
        use.visitMaxs(0, 0);
        use.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    private static void constructor(ClassWriter writer, String superName) {
        MethodVisitor init = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, superName, "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
    }

    private static int codeSize(byte[] bytes, String method) {
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, 0);
        for (MethodNode candidate : node.methods) {
            if (candidate.name.equals(method)) {
                return candidate.instructions.size();
            }
        }
        throw new AssertionError("no method " + method);
    }

    /** Serves generated class files as resources, as a class loader over a jar would. */
    private static final class GeneratedClasses extends ClassLoader {

        private final Map<String, byte[]> classes;

        GeneratedClasses(Map<String, byte[]> classes) {
            super("generated", ClassLoader.getPlatformClassLoader());
            this.classes = classes;
        }

        @Override
        public InputStream getResourceAsStream(String name) {
            if (name.endsWith(".class")) {
                String binaryName = name.substring(0, name.length() - 6).replace('/', '.');
                byte[] bytes = classes.get(binaryName);
                if (bytes != null) {
                    return new ByteArrayInputStream(bytes);
                }
            }
            return super.getResourceAsStream(name);
        }
    }
}
