package dev.reclaimer.its.ops;

import dev.reclaimer.DeferredRelease;
import dev.reclaimer.Reclaimer;
import dev.reclaimer.ReclaimerStats;
import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * A child application that retires and releases some objects (one release fails on purpose), waits
 * until the reclaimer's MBean appears on its own platform MBean server, then prints {@code
 * Reclaimer.stats()}, the MBean's attributes, and the stats again, one {@code key=value} line each.
 */
public final class MBeanApp {

    private static final String[] ATTRIBUTES = {
        "Retired",
        "Released",
        "Failed",
        "Pending",
        "GracePeriods",
        "OldestPendingAgeMillis",
        "LongestRecentGracePeriodMillis",
        "DrainsAtSafepoint",
        "DrainsInBackground",
        "DrainsAtShutdown",
        "DrainsInWaits"
    };

    private static final long REGISTRATION_WAIT_MILLIS = 60_000;

    private MBeanApp() {}

    /**
     * Runs the application.
     *
     * @param arguments none
     * @throws Exception if the MBean server fails or the wait is interrupted
     */
    public static void main(String[] arguments) throws Exception {
        for (int i = 0; i < 20; i++) {
            new Buffer(i % 10 == 9).free();
        }
        Reclaimer.barrier();

        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName("dev.reclaimer:type=Reclaimer");
        long deadline = System.currentTimeMillis() + REGISTRATION_WAIT_MILLIS;
        while (!server.isRegistered(name) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        System.out.println("STATS_BEFORE " + line(Reclaimer.stats()));
        StringBuilder mbean = new StringBuilder("MBEAN");
        for (String attribute : ATTRIBUTES) {
            mbean.append(' ')
                    .append(attribute)
                    .append('=')
                    .append(server.getAttribute(name, attribute));
        }
        System.out.println(mbean);
        System.out.println("STATS_AFTER " + line(Reclaimer.stats()));
    }

    private static String line(ReclaimerStats stats) {
        return "Retired="
                + stats.retired()
                + " Released="
                + stats.released()
                + " Failed="
                + stats.failed()
                + " Pending="
                + stats.pending()
                + " GracePeriods="
                + stats.gracePeriods()
                + " OldestPendingAgeMillis="
                + stats.oldestPendingAge().toMillis();
    }

    /** An off-heap-like resource whose release the agent defers. */
    static final class Buffer {
        private final boolean failing;

        Buffer(boolean failing) {
            this.failing = failing;
        }

        @DeferredRelease
        void free() {
            if (failing) {
                throw new IllegalStateException("deliberate release failure");
            }
        }
    }
}
