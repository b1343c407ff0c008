package dev.reclaimer.benchmarks.jmh;

import dev.reclaimer.Reclaimer;
import dev.reclaimer.ReclaimerStats;

/**
 * Guards against timing the wrong thing: a fork without the agent runs every release inline, which
 * would look like a fast retire. A benchmark that needs the rewritten code fails its trial instead.
 */
final class AgentChecks {

    private AgentChecks() {}

    /** Throws unless the reclaimer counted retires, which only rewritten release methods make. */
    static void requireRetired() {
        ReclaimerStats stats = Reclaimer.stats();
        if (stats.retired() == 0) {
            throw new IllegalStateException(
                    "no release was retired: start the fork with"
                            + " -javaagent:agent/target/reclaimer-agent.jar");
        }
    }
}
