package dev.reclaimer.agent.transform;

import java.lang.instrument.IllegalClassFormatException;
import java.security.ProtectionDomain;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;

/**
 * The installed ByteBuddy transformer behind a {@link Prefilter}: classes that cannot need
 * rewriting return unchanged before the type pool describes them. Used when the transformation is
 * installed into a running JVM, where already loaded classes are retransformed and the transformer
 * must be resettable.
 */
final class PrefilteredTransformer extends ResettableClassFileTransformer.WithDelegation {

    private final Prefilter prefilter;

    PrefilteredTransformer(ResettableClassFileTransformer delegate, Prefilter prefilter) {
        super(delegate);
        this.prefilter = prefilter;
    }

    @Override
    public byte[] transform(
            Module module,
            ClassLoader loader,
            String name,
            Class<?> redefined,
            ProtectionDomain domain,
            byte[] bytes)
            throws IllegalClassFormatException {
        if (!prefilter.admits(loader, name, bytes)) {
            return null;
        }
        return classFileTransformer.transform(module, loader, name, redefined, domain, bytes);
    }

    @Override
    public byte[] transform(
            ClassLoader loader,
            String name,
            Class<?> redefined,
            ProtectionDomain domain,
            byte[] bytes)
            throws IllegalClassFormatException {
        if (!prefilter.admits(loader, name, bytes)) {
            return null;
        }
        return classFileTransformer.transform(loader, name, redefined, domain, bytes);
    }
}
