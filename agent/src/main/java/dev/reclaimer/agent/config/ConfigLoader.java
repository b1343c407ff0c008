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
import java.util.Comparator;
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
 * source), the key and what is wrong. Loading collects them all; the agent reports the first in
 * file order (problems outside the file come first), and {@link #checkFile} reports every one.
 */
public final class ConfigLoader {

    private static final char LIST_SEPARATOR = ',';

    /** Commas separate agent arguments, so lists inside one use semicolons. */
    private static final char ARGUMENT_LIST_SEPARATOR = ';';

    private static final String BYTE_ORDER_MARK = "\uFEFF";

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
        // Collect every problem, then report the first: in file order the user fixes from the top.
        Problems problems = Problems.collectAll();
        Map<ConfigKey, ConfigValue> fromArguments = parseArguments(agentArguments, problems);
        Map<ConfigKey, ConfigValue> fromProperties =
                parseSystemProperties(systemProperties, problems);
        Map<ConfigKey, ConfigValue> fromEnvironment = parseEnvironment(environment);
        ConfigValue file =
                firstPresent(ConfigKey.CONFIG, fromArguments, fromProperties, fromEnvironment);
        Map<ConfigKey, ConfigValue> fromFile =
                file == null ? Map.of() : readFile(file.text().trim(), problems);

        Map<ConfigKey, ConfigValue> merged = new EnumMap<>(ConfigKey.class);
        merged.putAll(fromFile);
        merged.putAll(fromEnvironment);
        merged.putAll(fromProperties);
        merged.putAll(fromArguments);
        AgentConfig config = build(merged, describeSources(merged, file), problems);
        Optional<ConfigException> first =
                problems.found().stream().min(Comparator.comparingInt(ConfigException::line));
        if (first.isPresent()) {
            throw first.get();
        }
        return config;
    }

    /**
     * Reads one configuration file on its own (no other source) and reports every problem in it,
     * not only the first. Values with a problem fall back to their defaults, so the rest of the
     * file can still be used, for instance to see what its selectors match.
     *
     * @param file the configuration file
     * @return the configuration, {@code null} when the file cannot be read, and the problems
     */
    public static Checked checkFile(Path file) {
        Problems problems = Problems.collectAll();
        AgentConfig config;
        try {
            Map<ConfigKey, ConfigValue> values = readFile(file.toString(), problems);
            config = build(values, "file " + file, problems);
        } catch (ConfigException e) {
            return new Checked(null, List.of(e));
        }
        return new Checked(config, problems.found());
    }

    /**
     * What {@link #checkFile} found.
     *
     * @param config the configuration with defaults in place of bad values, or {@code null} when
     *     the file could not be read at all
     * @param problems every problem, in file order
     */
    public record Checked(AgentConfig config, List<ConfigException> problems) {

        /** Puts the problems in file order (a stable sort) and copies the list. */
        public Checked {
            List<ConfigException> ordered = new ArrayList<>(problems);
            ordered.sort(Comparator.comparingInt(ConfigException::line));
            problems = List.copyOf(ordered);
        }
    }

    private static Map<String, String> systemProperties() {
        Map<String, String> properties = new HashMap<>();
        for (String name : System.getProperties().stringPropertyNames()) {
            properties.put(name, System.getProperty(name));
        }
        return properties;
    }

    private static Map<ConfigKey, ConfigValue> parseArguments(String arguments, Problems problems)
            throws ConfigException {
        Map<ConfigKey, ConfigValue> values = new EnumMap<>(ConfigKey.class);
        if (arguments == null) {
            return values;
        }
        ConfigOrigin origin = ConfigOrigin.of(Source.AGENT_ARGUMENTS);
        for (String argument : ValueParsers.items(arguments, ',')) {
            int equals = argument.indexOf('=');
            if (equals <= 0) {
                problems.report(
                        new ConfigException(
                                origin,
                                argument,
                                "expected key=value (arguments are separated by ',';"
                                        + " items of a list inside one argument by ';')"));
                continue;
            }
            String written = argument.substring(0, equals).trim();
            String name =
                    written.startsWith(ConfigKey.PREFIX) ? written : ConfigKey.PREFIX + written;
            ConfigKey key = knownKey(name, origin, written, problems);
            if (key == null) {
                continue;
            }
            String value = argument.substring(equals + 1);
            if (key.isList()) {
                value = value.replace(ARGUMENT_LIST_SEPARATOR, LIST_SEPARATOR);
            }
            values.put(key, new ConfigValue(value, origin, written));
        }
        return values;
    }

    private static Map<ConfigKey, ConfigValue> parseSystemProperties(
            Map<String, String> properties, Problems problems) throws ConfigException {
        Map<ConfigKey, ConfigValue> values = new EnumMap<>(ConfigKey.class);
        ConfigOrigin origin = ConfigOrigin.of(Source.SYSTEM_PROPERTY);
        for (Map.Entry<String, String> property : properties.entrySet()) {
            String name = property.getKey();
            ConfigKey key =
                    name.startsWith(ConfigKey.PREFIX)
                            ? knownKey(name, origin, name, problems)
                            : null;
            if (key != null) {
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

    private static Map<ConfigKey, ConfigValue> readFile(String file, Problems problems)
            throws ConfigException {
        String text;
        try {
            byte[] bytes = Files.readAllBytes(Path.of(file));
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            if (text.startsWith(BYTE_ORDER_MARK)) {
                // Editors may save UTF-8 with a byte order mark; it is not part of the first key.
                text = text.substring(BYTE_ORDER_MARK.length());
            }
        } catch (CharacterCodingException e) {
            throw new ConfigException("file " + file + ": not valid UTF-8", e);
        } catch (IOException | RuntimeException e) {
            throw new ConfigException("file " + file + " cannot be read: " + describe(e), e);
        }
        Map<ConfigKey, ConfigValue> values = new EnumMap<>(ConfigKey.class);
        for (PropertiesFileParser.Entry entry :
                new PropertiesFileParser(file).parse(text, problems)) {
            ConfigOrigin origin = ConfigOrigin.inFile(file, entry.line());
            ConfigKey key = knownKey(entry.key(), origin, entry.key(), problems);
            if (key == ConfigKey.CONFIG) {
                problems.report(
                        new ConfigException(
                                origin,
                                entry.key(),
                                "a configuration file cannot name another one"));
                continue;
            }
            if (key == null) {
                continue;
            }
            values.put(key, new ConfigValue(entry.value(), origin, entry.key()));
        }
        return values;
    }

    private static String describe(Exception e) {
        String type = e.getClass().getSimpleName();
        return e.getMessage() == null ? type : type + " " + e.getMessage();
    }

    /** Returns the key of this name, or reports it as unknown and returns {@code null}. */
    private static ConfigKey knownKey(
            String name, ConfigOrigin origin, String written, Problems problems)
            throws ConfigException {
        Optional<ConfigKey> key = ConfigKey.byPropertyName(name);
        if (key.isEmpty()) {
            problems.report(new ConfigException(origin, written, "unknown key"));
            return null;
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

    private static AgentConfig build(
            Map<ConfigKey, ConfigValue> values, String source, Problems problems)
            throws ConfigException {
        return new AgentConfig(
                value(values, ConfigKey.ENABLED, ValueParsers::bool, true, problems),
                list(values, ConfigKey.RELEASE_METHODS, MethodSelector::parse, problems),
                list(values, ConfigKey.SAFEPOINTS, MethodSelector::parse, problems),
                list(values, ConfigKey.READ_SECTIONS, MethodSelector::parse, problems),
                values.containsKey(ConfigKey.INCLUDE)
                        ? list(values, ConfigKey.INCLUDE, ClassPattern::parse, problems)
                        : List.of(ClassPattern.parse("**")),
                list(values, ConfigKey.EXCLUDE, ClassPattern::parse, problems),
                settings(values, problems),
                value(values, ConfigKey.LOG_LEVEL, LogLevel::parse, LogLevel.INFO, problems),
                value(
                        values,
                        ConfigKey.LOG_DESTINATION,
                        LogDestination::parse,
                        LogDestination.STDERR,
                        problems),
                source,
                values,
                DebugOptions.build(values, problems));
    }

    private static Settings settings(Map<ConfigKey, ConfigValue> values, Problems problems)
            throws ConfigException {
        Settings defaults = Settings.defaults();
        int maxReleases =
                Math.toIntExact(
                        value(
                                values,
                                ConfigKey.DRAIN_MAX_RELEASES,
                                ConfigLoader::intValue,
                                (long) defaults.drainMaxReleases(),
                                problems));
        Duration timeBudget =
                duration(values, ConfigKey.DRAIN_TIME_BUDGET, defaults.drainTimeBudget(), problems);
        Duration fallbackDelay =
                duration(
                        values, ConfigKey.DRAIN_FALLBACK_DELAY, defaults.fallbackDelay(), problems);
        long backlogBound =
                value(
                        values,
                        ConfigKey.BACKLOG_BOUND,
                        ConfigLoader::positive,
                        defaults.backlogBound(),
                        problems);
        BacklogPolicy policy =
                value(
                        values,
                        ConfigKey.BACKLOG_POLICY,
                        ConfigLoader::policy,
                        defaults.backlogPolicy(),
                        problems);
        Duration stall =
                duration(values, ConfigKey.STALL_TIMEOUT, defaults.stallTimeout(), problems);
        Duration shutdown =
                duration(values, ConfigKey.SHUTDOWN_TIMEOUT, defaults.shutdownTimeout(), problems);
        Duration failureLog =
                duration(
                        values,
                        ConfigKey.FAILURE_LOG_INTERVAL,
                        defaults.failureLogInterval(),
                        problems);
        try {
            return new Settings(
                    maxReleases,
                    timeBudget,
                    fallbackDelay,
                    backlogBound,
                    policy,
                    stall,
                    shutdown,
                    failureLog);
        } catch (IllegalArgumentException e) {
            problems.report(
                    new ConfigException("settings rejected by the runtime: " + e.getMessage(), e));
            return defaults;
        }
    }

    private static Duration duration(
            Map<ConfigKey, ConfigValue> values, ConfigKey key, Duration fallback, Problems problems)
            throws ConfigException {
        return value(values, key, ConfigLoader::positiveDuration, fallback, problems);
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

    /**
     * Parses one value; a bad one is reported and replaced by the fallback.
     *
     * @throws ConfigException when {@code problems} fails fast
     */
    static <T> T value(
            Map<ConfigKey, ConfigValue> values,
            ConfigKey key,
            Function<String, T> parser,
            T fallback,
            Problems problems)
            throws ConfigException {
        ConfigValue value = values.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return parser.apply(value.text());
        } catch (IllegalArgumentException | ArithmeticException e) {
            problems.report(
                    new ConfigException(value.origin(), value.writtenKey(), e.getMessage()));
            return fallback;
        }
    }

    /**
     * Parses a list; each bad item is reported and left out, the others kept.
     *
     * @throws ConfigException when {@code problems} fails fast
     */
    static <T> List<T> list(
            Map<ConfigKey, ConfigValue> values,
            ConfigKey key,
            Function<String, T> parser,
            Problems problems)
            throws ConfigException {
        ConfigValue value = values.get(key);
        List<T> parsed = new ArrayList<>();
        if (value == null) {
            return parsed;
        }
        for (String item : ValueParsers.items(value.text(), LIST_SEPARATOR)) {
            try {
                parsed.add(parser.apply(item));
            } catch (IllegalArgumentException e) {
                problems.report(
                        new ConfigException(value.origin(), value.writtenKey(), e.getMessage()));
            }
        }
        return parsed;
    }
}
