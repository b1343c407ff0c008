package dev.reclaimer.agent.transform;

import dev.reclaimer.agent.config.AgentConfig;
import dev.reclaimer.agent.config.ConfigLoader;
import dev.reclaimer.internal.Diagnostics;
import dev.reclaimer.internal.Engine;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.security.ProtectionDomain;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.agent.ByteBuddyAgent;

/**
 * Installs the agent's transformation once in the test JVM, with {@code reclaimer-test.properties},
 * and captures the bytes of every {@code example/} class after it, for verification.
 */
final class TestAgent {

    /** Class bytes as the JVM received them after the agent, by internal name. */
    static final Map<String, byte[]> TRANSFORMED = new ConcurrentHashMap<>();

    static Instrumentation instrumentation;
    static SelectorTracker tracker;

    private TestAgent() {}

    static synchronized void install() throws Exception {
        if (instrumentation != null) {
            return;
        }
        Path file = Path.of(TestAgent.class.getResource("/reclaimer-test.properties").toURI());
        AgentConfig config = ConfigLoader.load("config=" + file, Map.of(), Map.of());
        // The engine keeps the detector's marks, so that classes the detector tests rewrite with
        // checks of their own see released objects; this configuration injects no checks.
        Engine.configure(config.settings(), new Diagnostics(true, false, Duration.ZERO, false));
        instrumentation = ByteBuddyAgent.install();
        tracker = new SelectorTracker(config);
        ReclaimerTransformer.install(instrumentation, config, tracker);
        instrumentation.addTransformer(new Capture(), true);
        recaptureLoadedFixtures();
    }

    /** Fixtures loaded before the capture was added were retransformed unseen; capture them. */
    private static void recaptureLoadedFixtures() throws Exception {
        List<Class<?>> loaded = new ArrayList<>();
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            if (type.getName().startsWith("example.") && instrumentation.isModifiableClass(type)) {
                loaded.add(type);
            }
        }
        if (!loaded.isEmpty()) {
            instrumentation.retransformClasses(loaded.toArray(new Class<?>[0]));
        }
    }

    private static final class Capture implements ClassFileTransformer {
        @Override
        public byte[] transform(
                ClassLoader loader,
                String name,
                Class<?> redefined,
                ProtectionDomain domain,
                byte[] bytes) {
            if (name != null && name.startsWith("example/")) {
                TRANSFORMED.put(name, bytes.clone());
            }
            return null;
        }
    }
}
