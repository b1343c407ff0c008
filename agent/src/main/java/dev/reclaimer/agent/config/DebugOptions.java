package dev.reclaimer.agent.config;

import dev.reclaimer.agent.config.AgentConfig.ConfigValue;
import dev.reclaimer.internal.Diagnostics;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The operations and debugging options: what the runtime gets as {@link Diagnostics}, and what only
 * the agent uses (the revive methods of the use-after-release detector and the dump folder).
 *
 * @param diagnostics the runtime's detector, retire-stack and MBean options
 * @param reviveMethods selectors of methods that make a released object live again; used only when
 *     the detector is on
 * @param dumpDirectory where transformed class files are written, or {@code null} for nowhere
 */
public record DebugOptions(
        Diagnostics diagnostics, List<MethodSelector> reviveMethods, Path dumpDirectory) {

    /** Copies the list. */
    public DebugOptions {
        reviveMethods = List.copyOf(reviveMethods);
    }

    /**
     * Returns whether the use-after-release detector is on.
     *
     * @return {@code true} when the agent must inject its checks
     */
    public boolean detectUseAfterRelease() {
        return diagnostics.detectUseAfterRelease();
    }

    static DebugOptions build(Map<ConfigKey, ConfigValue> values, Problems problems)
            throws ConfigException {
        Diagnostics defaults = Diagnostics.defaults();
        Diagnostics diagnostics =
                new Diagnostics(
                        flag(values, ConfigKey.DEBUG_DETECT_USE_AFTER_RELEASE, false, problems),
                        flag(values, ConfigKey.DEBUG_RECORD_RETIRE_STACKS, false, problems),
                        ConfigLoader.value(
                                values,
                                ConfigKey.JMX_REGISTRATION_DELAY,
                                ValueParsers::duration,
                                defaults.jmxRegistrationDelay(),
                                problems),
                        flag(values, ConfigKey.JMX_ENABLED, defaults.jmxEnabled(), problems));
        return new DebugOptions(
                diagnostics,
                ConfigLoader.list(
                        values, ConfigKey.DEBUG_REVIVE_METHODS, MethodSelector::parse, problems),
                ConfigLoader.value(
                        values, ConfigKey.DEBUG_DUMP_DIR, DebugOptions::folder, null, problems));
    }

    private static boolean flag(
            Map<ConfigKey, ConfigValue> values, ConfigKey key, boolean fallback, Problems problems)
            throws ConfigException {
        return ConfigLoader.value(values, key, ValueParsers::bool, fallback, problems);
    }

    /** Parses a folder name; nothing is created or checked until a class is dumped. */
    private static Path folder(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("expected a folder, was empty");
        }
        try {
            return Path.of(trimmed);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("not a valid path: " + e.getMessage(), e);
        }
    }
}
