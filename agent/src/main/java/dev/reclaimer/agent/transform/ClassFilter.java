package dev.reclaimer.agent.transform;

import dev.reclaimer.agent.config.AgentConfig;
import dev.reclaimer.agent.config.ClassPattern;
import java.util.List;
import net.bytebuddy.description.type.TypeDescription;

/**
 * Decides by name which classes the agent may transform: those matched by an include pattern and by
 * no exclude pattern. The JDK is left alone unless an include pattern names it explicitly (starts
 * with a package rather than a wildcard); the agent, the runtime and the bytecode library are never
 * transformed, whatever the configuration says, because the injected calls would call back into
 * themselves.
 */
final class ClassFilter {

    private static final List<String> JDK_PREFIXES =
            List.of(
                    "java.",
                    "javax.",
                    "jdk.",
                    "sun.",
                    "com.sun.",
                    "org.ietf.",
                    "org.w3c.",
                    "org.xml.");

    private static final List<String> AGENT_PREFIXES =
            List.of("dev.reclaimer.agent.", "dev.reclaimer.internal.", "net.bytebuddy.");

    /** The public API package itself, not its subpackages (an application may live there). */
    private static final String API_PACKAGE = "dev.reclaimer.";

    private final List<ClassPattern> include;
    private final List<ClassPattern> exclude;

    ClassFilter(AgentConfig config) {
        this.include = config.include();
        this.exclude = config.exclude();
    }

    /**
     * Returns whether the agent may transform a class.
     *
     * @param binaryName the class's binary name
     * @return {@code true} when it may
     */
    boolean mayTransform(String binaryName) {
        if (isAgentOwn(binaryName) || binaryName.contains("$$Lambda")) {
            return false;
        }
        if (startsWithAny(binaryName, JDK_PREFIXES) && !explicitlyIncluded(binaryName)) {
            return false;
        }
        return matchesAny(include, binaryName) && !matchesAny(exclude, binaryName);
    }

    /**
     * Returns whether the agent may transform a class, by its name and its kind: synthetic classes
     * and annotation types are never transformed.
     *
     * @param type the class, as described by the type pool
     * @return {@code true} when it may
     */
    boolean mayTransform(TypeDescription type) {
        return mayTransform(type.getName()) && !type.isSynthetic() && !type.isAnnotation();
    }

    private static boolean isAgentOwn(String name) {
        boolean inApiPackage =
                name.startsWith(API_PACKAGE) && name.indexOf('.', API_PACKAGE.length()) < 0;
        return inApiPackage || startsWithAny(name, AGENT_PREFIXES);
    }

    private boolean explicitlyIncluded(String name) {
        for (ClassPattern pattern : include) {
            if (pattern.isExplicit() && pattern.matches(name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesAny(List<ClassPattern> patterns, String name) {
        for (ClassPattern pattern : patterns) {
            if (pattern.matches(name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWithAny(String name, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
