package dev.reclaimer.agent.transform;

import dev.reclaimer.agent.config.AgentConfig;
import dev.reclaimer.agent.config.MethodSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers which configured selectors matched a method, so that those that matched nothing by the
 * end of start-up can be reported.
 *
 * <h2>Protocol</h2>
 *
 * Class-loading threads add to a concurrent set; one thread calls {@link #reportUnmatched()}, which
 * acts once (an atomic flag). A selector matched while the report is being written may be reported
 * as unmatched: a race accepted as harmless, since the report describes start-up only.
 */
public final class SelectorTracker {

    private static final Logger LOG = LoggerFactory.getLogger(SelectorTracker.class);

    private final Map<MethodSelector, String> keyOfSelector = new ConcurrentHashMap<>();
    private final Set<MethodSelector> matched = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean reported = new AtomicBoolean();

    /**
     * Creates a tracker for the selectors of a configuration.
     *
     * @param config the configuration
     */
    public SelectorTracker(AgentConfig config) {
        config.releaseMethods().forEach(s -> keyOfSelector.put(s, Role.RELEASE.selectorKey));
        config.safepoints().forEach(s -> keyOfSelector.put(s, Role.SAFEPOINT.selectorKey));
        config.readSections().forEach(s -> keyOfSelector.put(s, Role.READ_SIDE.selectorKey));
        if (config.debug().detectUseAfterRelease()) {
            config.debug()
                    .reviveMethods()
                    .forEach(s -> keyOfSelector.put(s, Role.REVIVE.selectorKey));
        }
        keyOfSelector.forEach(SelectorTracker::warnIfNamingLambdaClasses);
    }

    /**
     * Warns about a selector whose class part names lambda classes: the JVM defines those as hidden
     * classes, which it never hands to an agent, so the selector can never match; waiting for the
     * end-of-start-up report would hide the mistake behind an info line.
     */
    private static void warnIfNamingLambdaClasses(MethodSelector selector, String key) {
        String text = selector.toString();
        int hash = text.indexOf('#');
        if (hash > 0 && text.substring(0, hash).contains("$$Lambda")) {
            LOG.warn(
                    "selector {} of {} names lambda classes, which are hidden classes the JVM never"
                            + " passes to an agent: a lambda cannot be a release method, safepoint"
                            + " or read section; select the method its body calls instead",
                    selector,
                    key);
        }
    }

    /**
     * Records that a selector matched a method.
     *
     * @param selector the selector
     */
    void matched(MethodSelector selector) {
        matched.add(selector);
    }

    /**
     * Returns the selectors that have matched nothing so far.
     *
     * @return the unmatched selectors
     */
    public List<MethodSelector> unmatched() {
        List<MethodSelector> unmatched = new ArrayList<>();
        for (MethodSelector selector : keyOfSelector.keySet()) {
            if (!matched.contains(selector)) {
                unmatched.add(selector);
            }
        }
        return unmatched;
    }

    /** Logs, once, each selector that matched no method, at info level. */
    public void reportUnmatched() {
        if (!reported.compareAndSet(false, true)) {
            return;
        }
        for (MethodSelector selector : unmatched()) {
            LOG.info(
                    "selector {} of {} matched no method by the end of start-up",
                    selector,
                    keyOfSelector.get(selector));
        }
    }
}
