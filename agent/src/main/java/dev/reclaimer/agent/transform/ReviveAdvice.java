package dev.reclaimer.agent.transform;

import dev.reclaimer.internal.Hooks;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at the start of a configured revive method, only while the use-after-release detector is
 * on: the receiver is live again (a pool hands it out), so the detector forgets its release.
 */
final class ReviveAdvice {

    private ReviveAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.This Object self) {
        Hooks.revive(self);
    }
}
