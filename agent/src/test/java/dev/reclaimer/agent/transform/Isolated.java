package dev.reclaimer.agent.transform;

import dev.reclaimer.agent.config.AgentConfig;
import dev.reclaimer.agent.config.ConfigLoader;
import java.util.HashMap;
import java.util.Map;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.pool.TypePool;

/**
 * Applies the agent's transformation, with a configuration of a test's own, to fixture classes
 * redefined apart from the JVM-wide test agent, and defines them in a fresh class loader.
 */
final class Isolated {

    private Isolated() {}

    static AgentConfig config(String agentArguments) throws Exception {
        return ConfigLoader.load(agentArguments, Map.of(), Map.of());
    }

    /** The class file of {@code className} as the agent would rewrite it under {@code config}. */
    static byte[] transform(AgentConfig config, String className) {
        ClassFileLocator locator = ClassFileLocator.ForClassLoader.ofSystemLoader();
        TypeDescription type = TypePool.Default.of(locator).describe(className).resolve();
        ReclaimerTransformer transformer =
                new ReclaimerTransformer(null, config, new SelectorTracker(config));
        ByteBuddy byteBuddy =
                new ByteBuddy()
                        .with(TypeValidation.DISABLED)
                        .with(Implementation.Context.Disabled.Factory.INSTANCE)
                        .with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE);
        return transformer
                .transform(byteBuddy.redefine(type, locator), type, null, null, null)
                .make()
                .getBytes();
    }

    /** Defines the classes, rewritten under {@code config}, in a new loader; returns the first. */
    static Class<?> load(AgentConfig config, String... classNames) throws Exception {
        Map<String, byte[]> rewritten = new HashMap<>();
        for (String name : classNames) {
            rewritten.put(name, transform(config, name));
        }
        return new Loader(rewritten).loadClass(classNames[0]);
    }

    /** Defines the rewritten classes itself and delegates every other class to its parent. */
    private static final class Loader extends ClassLoader {
        private final Map<String, byte[]> classes;

        Loader(Map<String, byte[]> classes) {
            super(Isolated.class.getClassLoader());
            this.classes = classes;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                byte[] bytes = classes.get(name);
                if (bytes == null) {
                    return super.loadClass(name, resolve);
                }
                Class<?> loaded = findLoadedClass(name);
                return loaded != null ? loaded : defineClass(name, bytes, 0, bytes.length);
            }
        }
    }
}
