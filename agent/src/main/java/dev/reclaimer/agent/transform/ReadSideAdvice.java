package dev.reclaimer.agent.transform;

import dev.reclaimer.internal.Hooks;
import net.bytebuddy.asm.Advice;

/** Inlined around a read-side method: its body becomes a read section, closed on every exit. */
final class ReadSideAdvice {

    private ReadSideAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter(@SectionSiteId int site) {
        return Hooks.enterReadSide(site);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter Object token) {
        Hooks.exitReadSide(token);
    }
}
