package dev.reclaimer.agent.transform;

import dev.reclaimer.agent.config.AgentConfig;
import dev.reclaimer.agent.config.MethodSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.bytebuddy.description.type.TypeDescription;

/**
 * What the agent would do with a class under a configuration, for the {@code check} command. It
 * asks the same class filter and the same planner the transformer asks, on type pool descriptions,
 * so the answer is the agent's own decision and no class is loaded or run.
 */
public final class PlanInspector {

    private final AgentConfig config;
    private final ClassFilter filter;
    private final MethodPlanner planner;

    /**
     * Creates an inspector for a configuration.
     *
     * @param config the configuration
     */
    public PlanInspector(AgentConfig config) {
        this.config = config;
        this.filter = new ClassFilter(config);
        this.planner = new MethodPlanner(config, new SelectorTracker(config));
    }

    /**
     * One method that has a role in a class.
     *
     * @param method the method, as {@code com.example.Region#release()V}
     * @param role what it becomes or would have become, in lower case
     * @param sources the annotations and selectors that gave the role
     * @param inheritedFrom the overridden method that passed the role on, or {@code null}
     * @param outcome {@code change}, {@code refuse} or {@code abstract}
     * @param reason why it is refused, or {@code null}
     */
    public record MethodPlan(
            String method,
            String role,
            List<String> sources,
            String inheritedFrom,
            String outcome,
            String reason) {

        /** Copies the list. */
        public MethodPlan {
            sources = List.copyOf(sources);
        }
    }

    /**
     * Returns whether the agent may transform a class of this name at all, before its class file is
     * read: the JDK, the agent and the runtime, and classes the configuration excludes, are not.
     *
     * @param binaryName the class's binary name
     * @return {@code true} when the class is worth describing
     */
    public boolean mayTransform(String binaryName) {
        return filter.mayTransform(binaryName);
    }

    /**
     * Returns the methods of a class that have a role and what the agent would do with each; none
     * when the agent would not transform the class at all.
     *
     * @param type the class, as described by a type pool
     * @return the plans, in declaration order
     */
    public List<MethodPlan> inspect(TypeDescription type) {
        List<MethodPlan> plans = new ArrayList<>();
        if (!filter.mayTransform(type)) {
            return plans;
        }
        for (MethodPlanner.Decision decision : planner.decide(type)) {
            plans.add(
                    new MethodPlan(
                            MethodPlanner.displayName(type, decision.method()),
                            decision.role().name().toLowerCase(Locale.ROOT),
                            decision.sources(),
                            decision.inheritedFrom(),
                            decision.outcome().name().toLowerCase(Locale.ROOT),
                            decision.reason()));
        }
        return plans;
    }

    /**
     * Names every configured selector the way {@link MethodPlan#sources()} does, in configuration
     * order: {@code selector com.example.Region#release of reclaimer.release-methods}.
     *
     * @return the selectors' names
     */
    public List<String> selectorNames() {
        List<String> names = new ArrayList<>();
        addNames(names, config.releaseMethods(), Role.RELEASE);
        addNames(names, config.safepoints(), Role.SAFEPOINT);
        addNames(names, config.readSections(), Role.READ_SIDE);
        if (config.debug().detectUseAfterRelease()) {
            addNames(names, config.debug().reviveMethods(), Role.REVIVE);
        }
        return names;
    }

    /**
     * Names the source of the detector's checks, as {@link MethodPlan#sources()} does.
     *
     * @return the detector's key
     */
    public static String detectorName() {
        return Role.LIVE_CHECK.selectorKey;
    }

    private static void addNames(List<String> names, List<MethodSelector> selectors, Role role) {
        for (MethodSelector selector : selectors) {
            names.add(MethodPlanner.selectorName(selector, role));
        }
    }
}
