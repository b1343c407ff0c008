package dev.reclaimer.agent.transform;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports what happened to each class: a debug line per rewritten class and one warning per class
 * whose transformation failed, which the JVM then keeps unmodified. With a dump folder configured,
 * each rewritten class file is written there as well.
 */
final class TransformationListener extends AgentBuilder.Listener.Adapter {

    private static final Logger LOG = LoggerFactory.getLogger(TransformationListener.class);

    private final OnceLog failures = new OnceLog(LOG);
    private final ClassDump dump;

    /**
     * Creates the listener.
     *
     * @param dump where rewritten class files go, or {@code null} for nowhere
     */
    TransformationListener(ClassDump dump) {
        this.dump = dump;
    }

    @Override
    public void onTransformation(
            TypeDescription type,
            ClassLoader loader,
            JavaModule module,
            boolean loaded,
            DynamicType dynamicType) {
        LOG.debug("rewrote class {}{}", type.getName(), loaded ? " (retransformed)" : "");
        if (dump != null) {
            dump.write(type.getName(), dynamicType.getBytes());
        }
    }

    @Override
    public void onError(
            String typeName,
            ClassLoader loader,
            JavaModule module,
            boolean loaded,
            Throwable throwable) {
        String subject = typeName + "@" + System.identityHashCode(loader);
        failures.warn(
                subject,
                "class {} left unmodified: its transformation failed",
                typeName,
                throwable);
    }
}
