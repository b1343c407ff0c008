package dev.reclaimer.agent.transform;

import dev.reclaimer.internal.Hooks;
import net.bytebuddy.asm.Advice;

/** As {@link CheckedReleaseAdvice}, for a release method with parameters. */
final class CheckedReleaseWithArgumentsAdvice {

    private CheckedReleaseWithArgumentsAdvice() {}

    @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
    static boolean enter(
            @Advice.This Object self,
            @Advice.AllArguments Object[] arguments,
            @ReleaseSiteId int site,
            @Advice.Origin Class<?> declaringType,
            @Advice.Origin("#t") String className,
            @Advice.Origin("#m") String methodName) {
        Hooks.checkLive(self, className, methodName);
        return Hooks.retireWithArguments(self, arguments, site, declaringType);
    }
}
