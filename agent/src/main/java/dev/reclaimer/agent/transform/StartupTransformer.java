package dev.reclaimer.agent.transform;

import dev.reclaimer.agent.config.AgentConfig;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;

/**
 * The transformation as {@code premain} installs it: a {@link Prefilter} in front, and the
 * ByteBuddy machinery created only when the first class passes it, so an application with nothing
 * to rewrite never loads the bytecode library. Nothing is loaded before {@code premain}, so there
 * is no pass over loaded classes, and the transformer is registered without retransformation: when
 * another agent retransforms a class, the JVM keeps what this one made of it at definition.
 *
 * <p>Class-loading trap: this class names no ByteBuddy type, so loading it loads none.
 *
 * <h2>Protocol</h2>
 *
 * Class-loading threads race to create the delegate on the first admitted class; creation happens
 * under this object's monitor, once, and the result is published through a volatile field that
 * later calls read without locking. Creating the delegate loads ByteBuddy's classes on the calling
 * thread; they are the agent's own and the prefilter passes them through untouched, so that nesting
 * does not re-enter creation.
 */
public final class StartupTransformer implements ClassFileTransformer {

    private final Prefilter prefilter;
    private final Instrumentation instrumentation;
    private final AgentConfig config;
    private final SelectorTracker tracker;
    private volatile ClassFileTransformer delegate;

    private StartupTransformer(
            Instrumentation instrumentation, AgentConfig config, SelectorTracker tracker) {
        this.prefilter = new Prefilter(config);
        this.instrumentation = instrumentation;
        this.config = config;
        this.tracker = tracker;
    }

    /**
     * Registers the transformation for the classes defined from now on.
     *
     * @param instrumentation the JVM's instrumentation
     * @param config the agent's configuration
     * @param tracker records which selectors matched
     */
    public static void install(
            Instrumentation instrumentation, AgentConfig config, SelectorTracker tracker) {
        instrumentation.addTransformer(
                new StartupTransformer(instrumentation, config, tracker), false);
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
        return delegate().transform(module, loader, name, redefined, domain, bytes);
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
        return delegate().transform(loader, name, redefined, domain, bytes);
    }

    private ClassFileTransformer delegate() {
        ClassFileTransformer current = delegate;
        if (current == null) {
            synchronized (this) {
                current = delegate;
                if (current == null) {
                    current = ReclaimerTransformer.makeRaw(instrumentation, config, tracker);
                    delegate = current;
                }
            }
        }
        return current;
    }
}
