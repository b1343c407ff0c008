package dev.reclaimer.internal;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only class that touches the platform MBean server. The engine calls it from its background
 * thread when registration is due, so neither {@code java.management} nor the platform server is
 * touched before then; in a JVM without that module the call fails to link and is reported like any
 * other failure.
 */
final class MBeanRegistration {

    private static final Logger LOG = LoggerFactory.getLogger(MBeanRegistration.class);

    private MBeanRegistration() {}

    /**
     * Registers {@code view} under {@code name}.
     *
     * @return whether it is registered; on failure one WARN is logged and nothing is thrown
     */
    static boolean register(ReclaimerMXBean view, String name) {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            server.registerMBean(view, new ObjectName(name));
            LOG.debug("Registered the MBean {}", name);
            return true;
        } catch (JMException | RuntimeException | LinkageError e) {
            LOG.warn("Could not register the MBean {}; the reclaimer runs without it", name, e);
            return false;
        }
    }

    /** Unregisters the MBean; a failure is logged at debug level, as the JVM may be exiting. */
    static void unregister(String name) {
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(new ObjectName(name));
        } catch (JMException | RuntimeException | LinkageError e) {
            LOG.debug("Could not unregister the MBean {}", name, e);
        }
    }
}
