package dev.reclaimer.agent.transform;

import dev.reclaimer.internal.Hooks;
import net.bytebuddy.asm.Advice;

/**
 * Inlined around a main-loop iteration method: entry makes the thread a reader, every exit (normal
 * or by an exception, which is then rethrown unchanged) reports a quiescent state. A failing hook
 * is suppressed; then the exit receives a {@code null} token.
 */
final class SafepointAdvice {

    private SafepointAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter(@SectionSiteId int site) {
        return Hooks.enterSafepoint(site);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter Object token) {
        Hooks.exitSafepoint(token);
    }
}
