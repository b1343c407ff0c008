package dev.reclaimer.agent;

import dev.reclaimer.agent.config.AgentConfig;
import dev.reclaimer.agent.config.AgentConfig.ConfigValue;
import dev.reclaimer.agent.config.ConfigException;
import dev.reclaimer.agent.config.ConfigKey;
import dev.reclaimer.agent.config.ConfigLoader;
import dev.reclaimer.agent.log.AgentLogging;
import dev.reclaimer.agent.log.LogLevel;
import dev.reclaimer.agent.transform.ReclaimerTransformer;
import dev.reclaimer.agent.transform.SelectorTracker;
import dev.reclaimer.agent.transform.StartupTransformer;
import dev.reclaimer.internal.Engine;
import java.lang.instrument.Instrumentation;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the agent: loads the configuration, configures logging and the runtime, installs the
 * transformation and schedules the end-of-start-up report. Loaded by the bootstrap class loader
 * (see {@code AgentLauncher}), so there is one installer, one configuration and one reclaimer per
 * JVM.
 *
 * <p>It never throws: a broken configuration or any failure leaves the agent disabled with one
 * message, and the application runs on unmodified.
 */
public final class AgentInstaller {

    /** How long after start the selectors that matched nothing are reported, at the latest. */
    static final Duration END_OF_STARTUP = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(AgentInstaller.class);

    /** Set by the first installation; a second attach is refused. */
    private static final AtomicBoolean INSTALLED = new AtomicBoolean();

    private AgentInstaller() {}

    /**
     * Installs the agent once per JVM into a running JVM, retransforming the classes already
     * loaded.
     *
     * @param arguments the agent arguments, or {@code null}
     * @param instrumentation the JVM's instrumentation
     * @param version the agent's version, for the summary
     */
    public static void install(String arguments, Instrumentation instrumentation, String version) {
        install(arguments, instrumentation, version, false);
    }

    /**
     * Installs the agent once per JVM.
     *
     * @param arguments the agent arguments, or {@code null}
     * @param instrumentation the JVM's instrumentation
     * @param version the agent's version, for the summary
     * @param atStartup {@code true} from {@code premain}: no application class is loaded yet, so
     *     there is nothing to retransform and the bytecode library is loaded only when a class
     *     needs it
     */
    public static void install(
            String arguments, Instrumentation instrumentation, String version, boolean atStartup) {
        if (!INSTALLED.compareAndSet(false, true)) {
            LOG.warn("agent already installed in this JVM; second installation ignored");
            return;
        }
        try {
            AgentConfig config = ConfigLoader.loadForThisJvm(arguments);
            start(config, instrumentation, version, atStartup);
        } catch (ConfigException e) {
            AgentLogging.log(
                    AgentInstaller.class.getName(),
                    LogLevel.WARN,
                    "configuration error: "
                            + e.getMessage()
                            + "; the agent is disabled and the application runs without it",
                    null);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("agent failed to start; it is disabled and the application runs on", e);
        }
    }

    private static void start(
            AgentConfig config,
            Instrumentation instrumentation,
            String version,
            boolean atStartup) {
        AgentLogging.configure(config.logLevel(), config.logDestination());
        logEffectiveValues(config);
        if (!config.enabled()) {
            LOG.info("reclaimer-agent {} disabled by configuration ({})", version, config.source());
            AgentLogging.startupFinished();
            return;
        }
        Engine.configure(config.settings(), config.debug().diagnostics());
        SelectorTracker tracker = new SelectorTracker(config);
        if (atStartup) {
            StartupTransformer.install(instrumentation, config, tracker);
        } else {
            ReclaimerTransformer.install(instrumentation, config, tracker);
        }
        LOG.info(
                "reclaimer-agent {} enabled; configuration from {}; selectors: {} release, {}"
                        + " safepoint, {} read-side; include {} exclude {}",
                version,
                config.source(),
                config.releaseMethods().size(),
                config.safepoints().size(),
                config.readSections().size(),
                config.include(),
                config.exclude());
        if (config.debug().detectUseAfterRelease()) {
            LOG.info(
                    "use-after-release detector on, {} revive selectors: every instance method of"
                            + " a class with release methods is checked, a cost meant for tests",
                    config.debug().reviveMethods().size());
        }
        StartupEnd.schedule(END_OF_STARTUP, tracker);
    }

    private static void logEffectiveValues(AgentConfig config) {
        if (!LOG.isDebugEnabled()) {
            return;
        }
        for (Map.Entry<ConfigKey, ConfigValue> entry : config.effective().entrySet()) {
            LOG.debug(
                    "{} = {} (from {})",
                    entry.getKey().propertyName(),
                    entry.getValue().text(),
                    entry.getValue().origin().describe());
        }
    }
}
