package dev.reclaimer.agent.transform;

import dev.reclaimer.internal.Hooks;
import net.bytebuddy.asm.Advice;

/**
 * As {@link ReleaseAdvice}, while the use-after-release detector is on: the receiver is checked
 * first, so releasing an object whose release already ran fails in the caller. The check's
 * exception must reach the caller, so this advice suppresses nothing; the retire hook itself never
 * throws.
 */
final class CheckedReleaseAdvice {

    private CheckedReleaseAdvice() {}

    @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
    static boolean enter(
            @Advice.This Object self,
            @ReleaseSiteId int site,
            @Advice.Origin Class<?> declaringType,
            @Advice.Origin("#t") String className,
            @Advice.Origin("#m") String methodName) {
        Hooks.checkLive(self, className, methodName);
        return Hooks.retire(self, site, declaringType);
    }
}
