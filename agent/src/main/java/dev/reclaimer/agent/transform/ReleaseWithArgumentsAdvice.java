package dev.reclaimer.agent.transform;

import dev.reclaimer.internal.Hooks;
import net.bytebuddy.asm.Advice;

/** As {@link ReleaseAdvice}, for a release method with parameters: the arguments are kept. */
final class ReleaseWithArgumentsAdvice {

    private ReleaseWithArgumentsAdvice() {}

    @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class, suppress = Throwable.class)
    static boolean enter(
            @Advice.This Object self,
            @Advice.AllArguments Object[] arguments,
            @ReleaseSiteId int site,
            @Advice.Origin Class<?> declaringType) {
        return Hooks.retireWithArguments(self, arguments, site, declaringType);
    }
}
