package dev.reclaimer.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

class MBeanFiguresTest {

    /** The attributes the reader relies on, as the agent's MBean names them. */
    public interface CountersMXBean {

        /** Returns the {@code Retired} attribute. */
        long getRetired();

        /** Returns the {@code Released} attribute. */
        long getReleased();

        /** Returns the {@code Failed} attribute. */
        long getFailed();

        /** Returns the {@code Pending} attribute. */
        long getPending();
    }

    /** A server of the test's own, kept in no list, so the platform server stays untouched. */
    private final MBeanServer server = MBeanServerFactory.newMBeanServer();

    @Test
    void read_registered_givesEachAttribute() throws Exception {
        server.registerMBean(counters(20, 17, 2, 1), new ObjectName(MBeanFigures.NAME));

        assertEquals(Optional.of(new MBeanFigures(20, 17, 2, 1)), MBeanFigures.read(server));
    }

    @Test
    void read_notRegistered_isEmpty() {
        assertEquals(Optional.empty(), MBeanFigures.read(server));
    }

    @Test
    void read_registeredWithoutTheAttributes_throws() throws Exception {
        server.registerMBean(new Unrelated(), new ObjectName(MBeanFigures.NAME));

        assertThrows(IllegalStateException.class, () -> MBeanFigures.read(server));
    }

    /** An MBean under the right name that has none of the attributes. */
    public interface UnrelatedMXBean {

        /** Returns a figure the reader does not know. */
        long getOther();
    }

    private static final class Unrelated implements UnrelatedMXBean {
        @Override
        public long getOther() {
            return 0;
        }
    }

    private static CountersMXBean counters(long retired, long released, long failed, long pending) {
        return new CountersMXBean() {
            @Override
            public long getRetired() {
                return retired;
            }

            @Override
            public long getReleased() {
                return released;
            }

            @Override
            public long getFailed() {
                return failed;
            }

            @Override
            public long getPending() {
                return pending;
            }
        };
    }
}
