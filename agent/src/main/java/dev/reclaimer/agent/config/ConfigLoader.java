package dev.reclaimer.agent.config;

import dev.reclaimer.agent.config.AgentConfig.ConfigValue;
import dev.reclaimer.agent.config.ConfigOrigin.Source;
import dev.reclaimer.agent.log.LogDestination;
import dev.reclaimer.agent.log.LogLevel;
import dev.reclaimer.internal.BacklogPolicy;
import dev.reclaimer.internal.Settings;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds the {@link AgentConfig} from its four sources. Precedence, highest first: agent arguments,
 * system properties, environment, file, defaults. The file is named by {@code config} in the same
 * sources and the same order.
 *
 * <p>Every problem is a {@link ConfigException} whose message names the origin (file and line, or
 * source), the key and what is wrong; the first one found ends loading.
 */
public final class ConfigLoader {

    private static final char LIST_SEPARATOR = ',';

    /** Commas separate agent arguments, so lists inside one use semicolons. */
    private static final char ARGUMENT_LIST_SEPARATOR = ';';

    private ConfigLoader() {}

    /**
     * Loads the configuration of this JVM.
     *
     * @param agentArguments what follows {@code =} in {@code -javaagent:jar=...}, or {@code null}
     * @return the effective configuration
     * @throws ConfigException on the first problem found
     */
    public static AgentConfig loadForThisJvm(String agentArguments) throws ConfigException {
        return load(agentArguments, systemProperties(), System.getenv());
    }

    /**
     * Loads a configuration from explicit sources.
     *
     * @param agentArguments the agent argument string, or {@code null}
     * @param systemProperties the system properties to consider
     * @param environment the environment variables to consider
     * @return the effective configuration
     * @throws ConfigException on the first problem found
     */
    public static AgentConfig load(
            String agentArguments,
            Map<String, String> systemProperties,
            Map<String, String> environment)
            throws ConfigException {
        Map<ConfigKey, ConfigValue> fromArguments = parseArguments(agentArguments);
        Map<ConfigKey, ConfigValue> fromProperties = parseSystemProperties(systemProperties);
        Map<ConfigKey, ConfigValue> fromEnvironment = parseEnvironment(environment);
        ConfigValue file =
                firstPresent(ConfigKey.CONFIG, fromArguments, fromProperties, fromEnvironment);
        Map<ConfigKey, ConfigValue> fromFile =
                file == null ? Map.of() : readFile(file.text().trim());

        Map<ConfigKey, ConfigValue> merged = new EnumMap<>(ConfigKey.class);
        merged.putAll(fromFile);
        merged.putAll(fromEnvironment);
        merged.putAll(fromProperties);
        merged.putAll(fromArguments);
        return build(merged, describeSources(merged, file));
    }

    private static Map<String, String> systemProperties() {
        Map<String, String> properties = new HashMap<>();
        for (String name : System.getProperties().stringPropertyNames()) {
            properties.put(name, System.getProperty(name));
        }
        return properties;
    }

    private static Map<ConfigKey, ConfigValue> parseArguments(String arguments)
            throws ConfigException {
        Map<ConfigKey, ConfigValue> values = new EnumMap<>(ConfigKey.class);
        if (arguments == null) {
            return values;
        }
        ConfigOrigin origin = ConfigOrigin.of(Source.AGENT_ARGUMENTS);
        for (String argument : ValueParsers.items(arguments, ',')) {
            int equals = argument.indexOf('=');
            if (equals <= 0) {
                throw new ConfigException(origin, argument, "expected key=value");
            }
            String written = argument.substring(0, equals).trim();
            String name =
                    written.startsWith(ConfigKey.PREFIX) ? written : ConfigKey.PREFIX + written;
            ConfigKey key = knownKey(name, origin, written);
            String value = argument.substring(equals + 1);
            if (key.isList()) {
                value = value.replace(ARGUMENT_LIST_SEPARATOR, LIST_SEPARATOR);
            }
            values.put(key, new ConfigValue(value, origin, written));
        }
        return values;
    }

    private static Map<ConfigKey, ConfigValue> parseSystemProperties(Map<String, String> properties)
            throws ConfigException {
        Map<ConfigKey, ConfigValue> values = new EnumMap<>(ConfigKey.class);
        ConfigOrigin origin = ConfigOrigin.of(Source.SYSTEM_PROPERTY);
        for (Map.Entry<String, String> property : properties.entrySet()) {
            String name = property.getKey();
            if (name.startsWith(ConfigKey.PREFIX)) {
                ConfigKey key = knownKey(name, origin, name);
                values.put(key, new ConfigValue(property.getValue(), origin, name));
            }
        }
        return values;
    }

    private static Map<ConfigKey, ConfigValue> parseEnvironment(Map<String, String> environment) {
        Map<ConfigKey, ConfigValue> values = new EnumMap<>(ConfigKey.class);
        ConfigOrigin origin = ConfigOrigin.of(Source.ENVIRONMENT);
        for (ConfigKey key : ConfigKey.values()) {
            String value = environment.get(key.environmentName());
            if (value != null) {
                values.put(key, new ConfigValue(value, origin, key.environmentName()));
            }
        }
        return values;
    }

    private static Map<ConfigKey, ConfigValue> readFile(String file) throws ConfigException {
        String text;
        try {
            byte[] bytes = Files.readAllBytes(Path.of(file));
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ConfigException("file " + file + ": not valid UTF-8", e);
        } catch (IOException | RuntimeException e) {
            throw new ConfigException("file " + file + " cannot be read: " + describe(e), e);
        }
        Map<ConfigKey, ConfigValue> values = new EnumMap<>(ConfigKey.class);
        for (PropertiesFileParser.Entry entry : new PropertiesFileParser(file).parse(text)) {
            ConfigOrigin origin = ConfigOrigin.inFile(file, entry.line());
            ConfigKey key = knownKey(entry.key(), origin, entry.key());
            if (key == ConfigKey.CONFIG) {
                throw new ConfigException(
                        origin, entry.key(), "a configuration file cannot name another one");
            }
            values.put(key, new ConfigValue(entry.value(), origin, entry.key()));
        }
        return values;
    }

    private static String describe(Exception e) {
        String type = e.getClass().getSimpleName();
        return e.getMessage() == null ? type : type + " " + e.getMessage();
    }

    private static ConfigKey knownKey(String name, ConfigOrigin origin, String written)
            throws ConfigException {
        Optional<ConfigKey> key = ConfigKey.byPropertyName(name);
        if (key.isEmpty()) {
            throw new ConfigException(origin, written, "unknown key");
        }
        return key.get();
    }

    @SafeVarargs
    private static ConfigValue firstPresent(ConfigKey key, Map<ConfigKey, ConfigValue>... sources) {
        for (Map<ConfigKey, ConfigValue> source : sources) {
            ConfigValue value = source.get(key);
            if (value != null && !value.text().isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static String describeSources(Map<ConfigKey, ConfigValue> merged, ConfigValue file) {
        Set<String> sources = new LinkedHashSet<>();
        if (file != null) {
            sources.add("file " + file.text().trim());
        }
        for (ConfigValue value : merged.values()) {
            if (value.origin().source() != Source.FILE) {
                sources.add(value.origin().describe());
            }
        }
        return sources.isEmpty() ? "defaults" : String.join(", ", sources);
    }

    private static AgentConfig build(Map<ConfigKey, ConfigValue> values, String source)
            throws ConfigException {
        Settings defaults = Settings.defaults();
        Settings settings;
        try {
            settings =
                    new Settings(
                            Math.toIntExact(
                                    value(
                                            values,
                                            ConfigKey.DRAIN_MAX_RELEASES,
                                            ConfigLoader::intValue,
                                            (long) defaults.drainMaxReleases())),
                            value(
                                    values,
                                    ConfigKey.DRAIN_TIME_BUDGET,
                                    ConfigLoader::positiveDuration,
                                    defaults.drainTimeBudget()),
                            value(
                                    values,
                                    ConfigKey.DRAIN_FALLBACK_DELAY,
                                    ConfigLoader::positiveDuration,
                                    defaults.fallbackDelay()),
                            value(
                                    values,
                                    ConfigKey.BACKLOG_BOUND,
                                    ConfigLoader::positive,
                                    defaults.backlogBound()),
                            value(
                                    values,
                                    ConfigKey.BACKLOG_POLICY,
                                    ConfigLoader::policy,
                                    defaults.backlogPolicy()),
                            value(
                                    values,
                                    ConfigKey.STALL_TIMEOUT,
                                    ConfigLoader::positiveDuration,
                                    defaults.stallTimeout()),
                            value(
                                    values,
                                    ConfigKey.SHUTDOWN_TIMEOUT,
                                    ConfigLoader::positiveDuration,
                                    defaults.shutdownTimeout()),
                            value(
                                    values,
                                    ConfigKey.FAILURE_LOG_INTERVAL,
                                    ConfigLoader::positiveDuration,
                                    defaults.failureLogInterval()));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("settings rejected by the runtime: " + e.getMessage(), e);
        }
        return new AgentConfig(
                value(values, ConfigKey.ENABLED, ValueParsers::bool, true),
                list(values, ConfigKey.RELEASE_METHODS, MethodSelector::parse, List.of()),
                list(values, ConfigKey.SAFEPOINTS, MethodSelector::parse, List.of()),
                list(values, ConfigKey.READ_SECTIONS, MethodSelector::parse, List.of()),
                list(
                        values,
                        ConfigKey.INCLUDE,
                        ClassPattern::parse,
                        List.of(ClassPattern.parse("**"))),
                list(values, ConfigKey.EXCLUDE, ClassPattern::parse, List.of()),
                settings,
                value(values, ConfigKey.LOG_LEVEL, LogLevel::parse, LogLevel.INFO),
                value(
                        values,
                        ConfigKey.LOG_DESTINATION,
                        LogDestination::parse,
                        LogDestination.STDERR),
                source,
                values);
    }

    private static long intValue(String text) {
        long value = positive(text);
        if (value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "must be at most " + Integer.MAX_VALUE + ", was " + text);
        }
        return value;
    }

    private static long positive(String text) {
        long value = ValueParsers.wholeNumber(text);
        if (value <= 0) {
            throw new IllegalArgumentException("must be positive, was " + text.trim());
        }
        return value;
    }

    private static Duration positiveDuration(String text) {
        Duration value = ValueParsers.duration(text);
        if (value.isZero()) {
            throw new IllegalArgumentException("must be positive, was " + text.trim());
        }
        return value;
    }

    private static BacklogPolicy policy(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "warn" -> BacklogPolicy.WARN;
            case "wait" -> BacklogPolicy.WAIT;
            default ->
                    throw new IllegalArgumentException("expected warn or wait, was '" + text + "'");
        };
    }

    private static <T> T value(
            Map<ConfigKey, ConfigValue> values,
            ConfigKey key,
            Function<String, T> parser,
            T fallback)
            throws ConfigException {
        ConfigValue value = values.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return parser.apply(value.text());
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new ConfigException(value.origin(), value.writtenKey(), e.getMessage());
        }
    }

    private static <T> List<T> list(
            Map<ConfigKey, ConfigValue> values,
            ConfigKey key,
            Function<String, T> parser,
            List<T> fallback)
            throws ConfigException {
        ConfigValue value = values.get(key);
        if (value == null) {
            return fallback;
        }
        List<T> parsed = new ArrayList<>();
        for (String item : ValueParsers.items(value.text(), LIST_SEPARATOR)) {
            try {
                parsed.add(parser.apply(item));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(value.origin(), value.writtenKey(), e.getMessage());
            }
        }
        return parsed;
    }
}
