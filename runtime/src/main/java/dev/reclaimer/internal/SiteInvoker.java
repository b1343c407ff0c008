package dev.reclaimer.internal;

import java.lang.constant.ConstantDescs;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;

/**
 * The template of every site's invoker: {@link SiteInvokers} defines one hidden copy of this class
 * per release site, with the site's method handle as its class data. In a copy, {@link #TARGET} is
 * a static final constant, so the compiler inlines the release body into {@link #invoke}; a drain
 * through a plain {@code MethodHandle} field would instead go through the handle's adapters on
 * every call. This class itself is never initialised.
 */
final class SiteInvoker implements ReleaseInvoker {

    private static final MethodHandle TARGET = target();

    private static MethodHandle target() {
        try {
            return MethodHandles.classData(
                    MethodHandles.lookup(), ConstantDescs.DEFAULT_NAME, MethodHandle.class);
        } catch (IllegalAccessException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public void invoke(Object receiver, Object[] arguments) throws Throwable {
        TARGET.invokeExact(receiver, arguments);
    }
}
