package dev.reclaimer.agent.transform;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.TypeResolutionStrategy;
import net.bytebuddy.dynamic.VisibilityBridgeStrategy;
import net.bytebuddy.dynamic.scaffold.InstrumentedType;
import net.bytebuddy.matcher.LatentMatcher;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.JavaModule;

/**
 * The rewriting of classes as they are defined, for {@link StartupTransformer}: the same steps
 * ByteBuddy's agent builder takes for a class when class format changes are disabled (describe it
 * from its own bytes and its loader's class files, match, redefine with the plan, report), taken
 * directly. Building an agent builder loads and initialises several hundred classes that a
 * transformer installed once at start-up, with no retransformation, never uses; this leaves them
 * out of the application's start-up.
 *
 * <p>A class whose rewriting fails is reported once and kept unmodified, as the agent builder's
 * listener does on the attach path.
 */
final class DefinitionRewriter implements ClassFileTransformer {

    private final ReclaimerTransformer transformer;
    private final ByteBuddy byteBuddy;
    private final TransformationListener listener;

    DefinitionRewriter(
            ReclaimerTransformer transformer,
            ByteBuddy byteBuddy,
            TransformationListener listener) {
        this.transformer = transformer;
        this.byteBuddy =
                byteBuddy
                        .with(InstrumentedType.Factory.Default.FROZEN)
                        .with(VisibilityBridgeStrategy.Default.NEVER);
        this.listener = listener;
    }

    @Override
    public byte[] transform(
            Module module,
            ClassLoader loader,
            String internalName,
            Class<?> redefined,
            ProtectionDomain domain,
            byte[] bytes) {
        return rewrite(JavaModule.of(module), loader, internalName, redefined, domain, bytes);
    }

    @Override
    public byte[] transform(
            ClassLoader loader,
            String internalName,
            Class<?> redefined,
            ProtectionDomain domain,
            byte[] bytes) {
        return rewrite(null, loader, internalName, redefined, domain, bytes);
    }

    private byte[] rewrite(
            JavaModule module,
            ClassLoader loader,
            String internalName,
            Class<?> redefined,
            ProtectionDomain domain,
            byte[] bytes) {
        if (internalName == null) {
            return null;
        }
        String name = internalName.replace('/', '.');
        try {
            ClassFileLocator locator =
                    new ClassFileLocator.Compound(
                            ClassFileLocator.Simple.of(name, bytes),
                            ClassFileLocator.ForClassLoader.of(loader));
            TypePool pool =
                    new TypePool.LazyFacade(
                            new TypePool.Default.WithLazyResolution(
                                    TypePool.CacheProvider.Simple.withObjectType(),
                                    locator,
                                    TypePool.Default.ReaderMode.FAST));
            TypeDescription type = pool.describe(name).resolve();
            if (!transformer.matches(type, loader, module, redefined, domain)) {
                return null;
            }
            DynamicType.Builder<?> builder =
                    byteBuddy
                            .redefine(type, locator)
                            .ignoreAlso(LatentMatcher.ForSelfDeclaredMethod.NOT_DECLARED);
            DynamicType.Unloaded<?> rewritten =
                    transformer
                            .transform(builder, type, loader, module, domain)
                            .make(TypeResolutionStrategy.Disabled.INSTANCE, pool);
            listener.onTransformation(type, loader, module, redefined != null, rewritten);
            return rewritten.getBytes();
        } catch (Throwable e) { // NOPMD: whatever failed, the class must load unmodified
            listener.onError(name, loader, module, redefined != null, e);
            return null;
        }
    }
}
