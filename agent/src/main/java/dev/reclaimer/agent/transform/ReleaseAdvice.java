package dev.reclaimer.agent.transform;

import dev.reclaimer.internal.Hooks;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at the start of a release method without parameters: when the runtime retires the call,
 * the original body is skipped and the method returns; the runtime later calls the method again,
 * the hook answers {@code false}, and the body runs. An agent failure inside the hook is suppressed
 * and the body runs inline, as without the agent.
 */
final class ReleaseAdvice {

    private ReleaseAdvice() {}

    @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class, suppress = Throwable.class)
    static boolean enter(
            @Advice.This Object self,
            @ReleaseSiteId int site,
            @Advice.Origin Class<?> declaringType) {
        return Hooks.retire(self, site, declaringType);
    }
}
