package dev.reclaimer.agent.config;

import dev.reclaimer.agent.log.LogDestination;
import dev.reclaimer.agent.log.LogLevel;
import dev.reclaimer.internal.Settings;
import java.util.List;
import java.util.Map;

/**
 * The agent's effective configuration, immutable, after all sources were merged and checked.
 *
 * @param enabled whether the agent transforms anything
 * @param releaseMethods selectors acting as {@code @DeferredRelease}
 * @param safepoints selectors acting as {@code @Safepoint}
 * @param readSections selectors acting as {@code @ReadSide}
 * @param include class patterns the agent may transform
 * @param exclude class patterns the agent never transforms
 * @param settings the runtime's tunables
 * @param logLevel the least level logged
 * @param logDestination where log lines go
 * @param source a description of the sources that gave values, for the start-up summary
 * @param effective every key that was set, with its raw value and origin, for the debug log
 * @param debug the operations and debugging options
 */
public record AgentConfig(
        boolean enabled,
        List<MethodSelector> releaseMethods,
        List<MethodSelector> safepoints,
        List<MethodSelector> readSections,
        List<ClassPattern> include,
        List<ClassPattern> exclude,
        Settings settings,
        LogLevel logLevel,
        LogDestination logDestination,
        String source,
        Map<ConfigKey, ConfigValue> effective,
        DebugOptions debug) {

    /** Copies the lists and the map, so the record is immutable. */
    public AgentConfig {
        releaseMethods = List.copyOf(releaseMethods);
        safepoints = List.copyOf(safepoints);
        readSections = List.copyOf(readSections);
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        effective = Map.copyOf(effective);
    }

    /**
     * Returns how many selectors of all three kinds are configured.
     *
     * @return the number of release, safepoint and read-side selectors
     */
    public int selectorCount() {
        return releaseMethods.size() + safepoints.size() + readSections.size();
    }

    /**
     * One raw value as a source gave it.
     *
     * @param text the value's text
     * @param origin where it came from
     * @param writtenKey the key as the user wrote it, for messages
     */
    public record ConfigValue(String text, ConfigOrigin origin, String writtenKey) {}
}
