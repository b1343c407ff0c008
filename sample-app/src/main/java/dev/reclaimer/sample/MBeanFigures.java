package dev.reclaimer.sample;

import java.lang.management.ManagementFactory;
import java.util.Optional;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * The release counters of the reclaimer's MBean, read through JMX the way an operator's client
 * reads them, so a run can show that they agree with what the application counted itself.
 *
 * <p>The agent registers the MBean from its background thread once its registration delay has
 * passed, so a run shorter than that delay, or a run without the agent, finds none.
 *
 * @param retired the {@code Retired} attribute
 * @param released the {@code Released} attribute
 * @param failed the {@code Failed} attribute
 * @param pending the {@code Pending} attribute
 */
record MBeanFigures(long retired, long released, long failed, long pending) {

    /** The name the agent documents for its MBean. */
    static final String NAME = "dev.reclaimer:type=Reclaimer";

    /** Reads the MBean from the platform MBean server; empty when it is not registered there. */
    static Optional<MBeanFigures> readPlatform() {
        return read(ManagementFactory.getPlatformMBeanServer());
    }

    /**
     * Reads the MBean from {@code server}; empty when it is not registered there.
     *
     * @throws IllegalStateException if the MBean is registered but an attribute cannot be read,
     *     which the read-only MBean never allows
     */
    static Optional<MBeanFigures> read(MBeanServer server) {
        ObjectName name = objectName();
        if (!server.isRegistered(name)) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    new MBeanFigures(
                            attribute(server, name, "Retired"),
                            attribute(server, name, "Released"),
                            attribute(server, name, "Failed"),
                            attribute(server, name, "Pending")));
        } catch (JMException e) {
            throw new IllegalStateException("Could not read the MBean " + NAME, e);
        }
    }

    private static long attribute(MBeanServer server, ObjectName name, String attribute)
            throws JMException {
        return ((Number) server.getAttribute(name, attribute)).longValue();
    }

    private static ObjectName objectName() {
        try {
            return new ObjectName(NAME);
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException("The constant MBean name is malformed: " + NAME, e);
        }
    }
}
