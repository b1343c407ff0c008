package dev.reclaimer.its.compat;

import dev.reclaimer.agent.config.AgentConfig;
import dev.reclaimer.agent.config.ConfigLoader;
import dev.reclaimer.agent.config.MethodSelector;
import dev.reclaimer.agent.transform.ReclaimerTransformer;
import dev.reclaimer.agent.transform.SelectorTracker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The agent's own transformer, installed exactly as the agent installs it but on a {@link
 * CapturingInstrumentation}, and driven one class file at a time. What the agent logs while it
 * transforms a class (refusals, failures) is captured from standard error, where the agent's
 * logging writes by default, and returned with the result.
 */
final class CorpusTransformer {

    /** Every {@code void close()}, every {@code release*()}, a safepoint on every {@code run()}. */
    static final String SELECTORS =
            "release-methods=**#close();**#release*(),safepoints=**#run(),log.level=info";

    /**
     * What one class became.
     *
     * @param bytes the transformed class file, or {@code null} when the agent left it unchanged
     * @param log the lines the agent logged meanwhile
     */
    record Outcome(byte[] bytes, List<String> log) {}

    private final ClassFileTransformer transformer;
    private final AgentConfig config;

    private CorpusTransformer(ClassFileTransformer transformer, AgentConfig config) {
        this.transformer = transformer;
        this.config = config;
    }

    /** A transformer with {@link #SELECTORS} and nothing else from the environment. */
    static CorpusTransformer install() throws Exception {
        AgentConfig config = ConfigLoader.load(SELECTORS, Map.of(), Map.of());
        CapturingInstrumentation instrumentation = new CapturingInstrumentation();
        ReclaimerTransformer.install(instrumentation, config, new SelectorTracker(config));
        return new CorpusTransformer(instrumentation.onlyTransformer(), config);
    }

    /** Whether a configured selector names the method, as the agent decides it. */
    boolean selected(String className, String method, List<String> parameters) {
        for (List<MethodSelector> selectors :
                List.of(config.releaseMethods(), config.safepoints(), config.readSections())) {
            for (MethodSelector selector : selectors) {
                if (selector.matches(className, method, parameters)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Transforms one class as if {@code loader} were defining it for the first time. */
    Outcome transform(ClassLoader loader, String internalName, byte[] original)
            throws IllegalClassFormatException {
        PrintStream standardError = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        byte[] result;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            result =
                    transformer.transform(
                            loader.getUnnamedModule(),
                            loader,
                            internalName,
                            null,
                            null,
                            original.clone());
        } finally {
            System.setErr(standardError);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        return new Outcome(result, text.isEmpty() ? List.of() : lines(text));
    }

    private static List<String> lines(String text) {
        return new ArrayList<>(List.of(text.split("\\R")));
    }
}
