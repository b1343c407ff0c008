package dev.reclaimer.its.compat;

import java.lang.instrument.ClassDefinition;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;

/**
 * An {@link Instrumentation} that only records the transformers installed on it, so the agent's
 * real transformer can be driven class by class without a JVM agent. It claims retransformation
 * support, as the JVM does for the agent jar, and reports no loaded classes to retransform.
 */
final class CapturingInstrumentation implements Instrumentation {

    private final List<ClassFileTransformer> transformers = new ArrayList<>();

    /** The one transformer installed; fails when there is not exactly one. */
    ClassFileTransformer onlyTransformer() {
        if (transformers.size() != 1) {
            throw new IllegalStateException("installed transformers: " + transformers);
        }
        return transformers.get(0);
    }

    @Override
    public void addTransformer(ClassFileTransformer transformer, boolean canRetransform) {
        transformers.add(transformer);
    }

    @Override
    public void addTransformer(ClassFileTransformer transformer) {
        transformers.add(transformer);
    }

    @Override
    public boolean removeTransformer(ClassFileTransformer transformer) {
        return transformers.remove(transformer);
    }

    @Override
    public boolean isRetransformClassesSupported() {
        return true;
    }

    @Override
    public void retransformClasses(Class<?>... classes) {
        throw new UnsupportedOperationException("no class is loaded through this instrumentation");
    }

    @Override
    public boolean isRedefineClassesSupported() {
        return true;
    }

    @Override
    public void redefineClasses(ClassDefinition... definitions) {
        throw new UnsupportedOperationException("no class is loaded through this instrumentation");
    }

    @Override
    public boolean isModifiableClass(Class<?> type) {
        return false;
    }

    @Override
    public Class<?>[] getAllLoadedClasses() {
        return new Class<?>[0];
    }

    @Override
    public Class<?>[] getInitiatedClasses(ClassLoader loader) {
        return new Class<?>[0];
    }

    @Override
    public long getObjectSize(Object object) {
        return 0;
    }

    @Override
    public void appendToBootstrapClassLoaderSearch(JarFile jar) {
        throw new UnsupportedOperationException("the corpus never changes class paths");
    }

    @Override
    public void appendToSystemClassLoaderSearch(JarFile jar) {
        throw new UnsupportedOperationException("the corpus never changes class paths");
    }

    @Override
    public boolean isNativeMethodPrefixSupported() {
        return false;
    }

    @Override
    public void setNativeMethodPrefix(ClassFileTransformer transformer, String prefix) {
        throw new UnsupportedOperationException("no native method prefix");
    }

    @Override
    public void redefineModule(
            Module module,
            Set<Module> extraReads,
            Map<String, Set<Module>> extraExports,
            Map<String, Set<Module>> extraOpens,
            Set<Class<?>> extraUses,
            Map<Class<?>, List<Class<?>>> extraProvides) {
        throw new UnsupportedOperationException("corpus classes are in unnamed modules");
    }

    @Override
    public boolean isModifiableModule(Module module) {
        return false;
    }
}
