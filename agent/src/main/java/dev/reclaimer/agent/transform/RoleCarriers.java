package dev.reclaimer.agent.transform;

import dev.reclaimer.agent.config.AgentConfig;
import dev.reclaimer.agent.config.MethodSelector;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers, from class files alone, whether a type or any of its supertypes may declare a method
 * with a role: one annotated with a role annotation, or in a class a selector names. A class for
 * which the answer is no has no method that could get a role, by itself or by inheritance, so the
 * agent leaves it alone without describing it.
 *
 * <p>At transform time a class's supertypes are usually not loaded yet (the JVM resolves them after
 * the transformers ran), so their class files are read as the defining loader would find them (see
 * {@link ClassFileFinder}), and the answer for each type is remembered per class loader, weakly on
 * the loader. Each supertype's class file is then read at most once per loader, however many
 * classes extend it. A supertype whose class file cannot be found passes on nothing, as in the type
 * pool, where a missing supertype passes on no role either.
 *
 * <p>The answer errs only towards yes: a yes sends the class to the full planner, which decides per
 * method.
 *
 * <h2>Protocol</h2>
 *
 * Roles: class-loading threads, any number, each asking about the class it defines. State: a weak
 * map from loader to a concurrent map from internal name to answer; the weak map is guarded by its
 * own monitor, held only to find or add a loader's map, never while reading a class file (reading
 * may load JDK classes, and a lock held across that could deadlock with another loader). The loader
 * asked about last and its map are also published together through one volatile field, read without
 * the monitor; a thread that finds another loader there takes the monitor, and racing writers of
 * the field only cost each other a later trip through the monitor. Two threads may compute the same
 * type's answer at once: accepted as harmless, since the answer is a function of the class files
 * and both store the same value.
 */
final class RoleCarriers {

    /** Deeper supertype chains than this are treated as carrying roles rather than walked. */
    private static final int MAX_DEPTH = 64;

    private static final String OBJECT = "java/lang/Object";

    private static final List<String> JDK_PREFIXES = List.of("java/", "javax/", "jdk/", "sun/");

    private final List<MethodSelector> selectors = new ArrayList<>();
    private final Map<ClassLoader, Map<String, Boolean>> byLoader = new WeakHashMap<>();
    private final Map<String, Boolean> bootstrap = new ConcurrentHashMap<>();

    /**
     * A shortcut past the weak map's monitor; the map it refers to stays in the weak map for as
     * long as its loader lives, so both routes reach the same map.
     */
    private volatile LoaderAnswers lastUsed;

    private final ClassFileFinder finder = new ClassFileFinder();

    RoleCarriers(AgentConfig config) {
        selectors.addAll(config.releaseMethods());
        selectors.addAll(config.safepoints());
        selectors.addAll(config.readSections());
        if (config.debug().detectUseAfterRelease()) {
            selectors.addAll(config.debug().reviveMethods());
        }
    }

    /**
     * Returns whether a class being defined may have a method with a role, own or inherited, and
     * remembers the answer for its subclasses.
     *
     * @param loader the defining loader, {@code null} for the bootstrap loader
     * @param summary the class file's summary
     * @return {@code false} only when no method of the class can have a role
     */
    boolean mayCarryRoles(ClassLoader loader, ClassFileSummary summary) {
        Map<String, Boolean> known = answers(loader);
        boolean carries = carries(loader, summary, known, 0);
        known.put(summary.name(), carries);
        return carries;
    }

    private boolean carries(
            ClassLoader loader, ClassFileSummary summary, Map<String, Boolean> known, int depth) {
        if (summary.namesRoleAnnotation() || isSelected(summary.name())) {
            return true;
        }
        for (String supertype : summary.supertypes()) {
            if (supertypeCarries(loader, supertype, known, depth + 1)) {
                return true;
            }
        }
        return false;
    }

    private boolean supertypeCarries(
            ClassLoader loader, String name, Map<String, Boolean> known, int depth) {
        if (name.equals(OBJECT) || (selectors.isEmpty() && isJdk(name))) {
            return false; // the JDK has no role annotations; only a selector can name its types
        }
        Boolean cached = known.get(name);
        if (cached != null) {
            return cached;
        }
        if (depth > MAX_DEPTH) {
            return true;
        }
        byte[] bytes = finder.find(loader, name);
        if (bytes == null) {
            known.put(name, false);
            return false;
        }
        ClassFileSummary summary = ClassFileSummary.read(bytes);
        boolean carries = summary == null || carries(loader, summary, known, depth);
        known.put(name, carries);
        return carries;
    }

    private boolean isSelected(String internalName) {
        if (selectors.isEmpty()) {
            return false;
        }
        String binaryName = internalName.replace('/', '.');
        for (MethodSelector selector : selectors) {
            if (selector.matchesClass(binaryName)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isJdk(String name) {
        for (String prefix : JDK_PREFIXES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private Map<String, Boolean> answers(ClassLoader loader) {
        if (loader == null) {
            return bootstrap;
        }
        LoaderAnswers recent = lastUsed;
        if (recent != null && recent.loader().get() == loader) {
            return recent.answers();
        }
        Map<String, Boolean> answers;
        synchronized (byLoader) {
            answers = byLoader.computeIfAbsent(loader, ignored -> new ConcurrentHashMap<>());
        }
        lastUsed = new LoaderAnswers(new WeakReference<>(loader), answers);
        return answers;
    }

    /** The answers of the loader asked about last, which is usually the one asked about next. */
    private record LoaderAnswers(WeakReference<ClassLoader> loader, Map<String, Boolean> answers) {}
}
