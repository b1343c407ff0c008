package dev.reclaimer.agent.transform;

import dev.reclaimer.internal.Hooks;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at the start of an instance method of a class with release methods, only while the
 * use-after-release detector is on: the call fails if its receiver was already released. The
 * detector's exception is deliberately not suppressed; reaching the caller is its whole point.
 */
final class LiveCheckAdvice {

    private LiveCheckAdvice() {}

    @Advice.OnMethodEnter
    static void enter(
            @Advice.This Object self,
            @Advice.Origin("#t") String className,
            @Advice.Origin("#m") String methodName) {
        Hooks.checkLive(self, className, methodName);
    }
}
