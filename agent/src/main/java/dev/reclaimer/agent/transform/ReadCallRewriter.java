package dev.reclaimer.agent.transform;

import dev.reclaimer.internal.SectionSites;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * In a class the agent rewrites anyway, turns each call of {@code Reclaimer.read()} into {@code
 * Hooks.openSection(site)}, where the site names the calling method, so a stall report can say
 * which {@code read()} section a reader is in. The two calls return the same kind of section; the
 * only difference is the site. Classes the agent does not otherwise rewrite keep their calls, and
 * the runtime reports those sections by their stack.
 *
 * <p>The site is registered at the first call found in a method, so methods without one register
 * nothing. The replacement pushes one more int before the call, hence one more slot of stack.
 */
enum ReadCallRewriter implements AsmVisitorWrapper.ForDeclaredMethods.MethodVisitorWrapper {
    INSTANCE;

    private static final String API_OWNER = "dev/reclaimer/Reclaimer";
    private static final String READ_DESCRIPTOR = "()Ldev/reclaimer/ReadSection;";
    private static final String HOOKS_OWNER = "dev/reclaimer/internal/Hooks";
    private static final String OPEN_DESCRIPTOR = "(I)Ldev/reclaimer/ReadSection;";

    @Override
    public MethodVisitor wrap(
            TypeDescription instrumentedType,
            MethodDescription instrumentedMethod,
            MethodVisitor methodVisitor,
            Implementation.Context implementationContext,
            TypePool typePool,
            int writerFlags,
            int readerFlags) {
        return new CallSiteVisitor(methodVisitor, instrumentedType, instrumentedMethod);
    }

    /** Replaces the calls in one method. */
    private static final class CallSiteVisitor extends MethodVisitor {

        private final TypeDescription type;
        private final MethodDescription method;
        private int site;

        CallSiteVisitor(MethodVisitor delegate, TypeDescription type, MethodDescription method) {
            super(OpenedClassReader.ASM_API, delegate);
            this.type = type;
            this.method = method;
        }

        @Override
        public void visitMethodInsn(
                int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if (opcode == Opcodes.INVOKESTATIC
                    && owner.equals(API_OWNER)
                    && name.equals("read")
                    && descriptor.equals(READ_DESCRIPTOR)) {
                super.visitLdcInsn(site());
                super.visitMethodInsn(
                        Opcodes.INVOKESTATIC, HOOKS_OWNER, "openSection", OPEN_DESCRIPTOR, false);
                return;
            }
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            super.visitMaxs(site == 0 ? maxStack : maxStack + 1, maxLocals);
        }

        private int site() {
            if (site == 0) {
                site =
                        SectionSites.register(
                                type.getName(), method.getInternalName(), method.getDescriptor());
            }
            return site;
        }
    }
}
