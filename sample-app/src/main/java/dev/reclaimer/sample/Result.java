package dev.reclaimer.sample;

import dev.reclaimer.ReclaimerStats;
import dev.reclaimer.sample.machine.AddressSpace;
import dev.reclaimer.sample.machine.Metrics;
import java.lang.management.ManagementFactory;
import java.util.Optional;

/**
 * What one run measured, read once its loops have ended and its releases have run.
 *
 * @param options the options of the run
 * @param agentAttached whether a {@code -javaagent} option was on the command line
 * @param elapsedNanos how long the loops ran
 * @param failedLoops loops that ended with an exception
 * @param dispatches accesses dispatched
 * @param unmapped accesses that hit no region
 * @param events hot-plug and remap events applied
 * @param retired release method calls, as the application counted them
 * @param released release bodies that returned normally
 * @param failed release bodies that threw
 * @param useAfterRelease accesses that found their view or region released under them
 * @param longestWaitRunningNanos the longest time from a retire to the end of its release body,
 *     among the releases that ran while the loops were running
 * @param longestWaitNanos the same among all releases, teardown included
 * @param buffersOutstanding pooled buffers not given back
 * @param engine Reclaimer's own counters
 * @param mbean the counters of the reclaimer's MBean, read last; empty when it is not registered
 */
record Result(
        Options options,
        boolean agentAttached,
        long elapsedNanos,
        int failedLoops,
        long dispatches,
        long unmapped,
        long events,
        long retired,
        long released,
        long failed,
        long useAfterRelease,
        long longestWaitRunningNanos,
        long longestWaitNanos,
        long buffersOutstanding,
        ReclaimerStats engine,
        Optional<MBeanFigures> mbean) {

    static Result of(
            Options options,
            AddressSpace space,
            long elapsedNanos,
            int failedLoops,
            long longestWaitRunningNanos,
            ReclaimerStats engine) {
        Metrics metrics = space.metrics();
        return new Result(
                options,
                agentOnCommandLine(),
                elapsedNanos,
                failedLoops,
                metrics.dispatches(),
                metrics.unmapped(),
                metrics.events(),
                metrics.retired(),
                metrics.released(),
                metrics.failed(),
                metrics.useAfterRelease(),
                longestWaitRunningNanos,
                metrics.longestWaitNanos(),
                space.regionPool().outstanding() + space.tablePool().outstanding(),
                engine,
                Optional.empty());
    }

    /** This result with the MBean's counters, read after everything else. */
    Result withMBean(Optional<MBeanFigures> figures) {
        return new Result(
                options,
                agentAttached,
                elapsedNanos,
                failedLoops,
                dispatches,
                unmapped,
                events,
                retired,
                released,
                failed,
                useAfterRelease,
                longestWaitRunningNanos,
                longestWaitNanos,
                buffersOutstanding,
                engine,
                figures);
    }

    /** Release method calls whose body has not run yet. */
    long pending() {
        return retired - released - failed;
    }

    long dispatchesPerSecond() {
        return perSecond(dispatches);
    }

    long eventsPerSecond() {
        return perSecond(events);
    }

    private long perSecond(long count) {
        return elapsedNanos == 0 ? 0 : Math.round(count * 1e9 / elapsedNanos);
    }

    private static boolean agentOnCommandLine() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(argument -> argument.startsWith("-javaagent:"));
    }
}
